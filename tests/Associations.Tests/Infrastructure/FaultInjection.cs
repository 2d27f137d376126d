using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Associations.Tests.Infrastructure;

/// <summary>What happens at the armed step.</summary>
public enum FaultKind
{
    /// <summary>The step throws a <see cref="InjectedFaultException"/> (a <see cref="DbException"/>) instead of running.</summary>
    Fail,
    /// <summary>The operation's token is cancelled just before the step runs (the step then sees a cancelled token).</summary>
    Cancel,
}

/// <summary>The database error a <see cref="FaultyConnection"/> throws at the armed step.</summary>
public sealed class InjectedFaultException(int step) : DbException($"Injected fault at step {step}.")
{
    public int Step { get; } = step;
}

/// <summary>
/// Counts the steps a session takes on a <see cref="FaultyConnection"/> — every command executed, every
/// transaction begun, every savepoint taken or released, every commit — and injects a fault at step <see cref="FailAt"/>.
/// Rollbacks are counted but never faulted: they are how a fault is recovered from.
/// </summary>
public sealed class FaultPlan
{
    public int Steps { get; private set; }

    /// <summary>The 1-based step to fault; 0 never faults.</summary>
    public int FailAt { get; private set; }

    public FaultKind Kind { get; private set; }

    public CancellationTokenSource? Cancellation { get; private set; }

    public bool Fired { get; private set; }

    /// <summary>Arms the plan: counting starts again from zero.</summary>
    public void Arm(int failAt, FaultKind kind, CancellationTokenSource? cancellation)
    {
        Steps = 0;
        FailAt = failAt;
        Kind = kind;
        Cancellation = cancellation;
        Fired = false;
    }

    public void Disarm() => FailAt = 0;

    public void Step()
    {
        Steps++;
        if (FailAt == 0 || Steps != FailAt) return;
        Fired = true;
        if (Kind == FaultKind.Fail) throw new InjectedFaultException(Steps);
        Cancellation!.Cancel();
    }
}

/// <summary>A connection that passes everything to <see cref="Inner"/> and lets a <see cref="FaultPlan"/> fault any step.</summary>
public sealed class FaultyConnection(DbConnection inner, FaultPlan plan) : DbConnection
{
    public DbConnection Inner { get; } = inner;

    public FaultPlan Plan { get; } = plan;

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Close() => Inner.Close();

    public override void Open() => Inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    public override void EnlistTransaction(System.Transactions.Transaction? transaction) => Inner.EnlistTransaction(transaction);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        Plan.Step();
        return new FaultyTransaction(this, Inner.BeginTransaction(isolationLevel));
    }

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken)
    {
        Plan.Step();
        return new FaultyTransaction(this, await Inner.BeginTransactionAsync(isolationLevel, cancellationToken));
    }

    protected override DbCommand CreateDbCommand() => new FaultyCommand(this, Inner.CreateCommand());

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => Inner.DisposeAsync();
}

/// <summary>A transaction of a <see cref="FaultyConnection"/>: commits and savepoints are steps.</summary>
public sealed class FaultyTransaction(FaultyConnection connection, DbTransaction inner) : DbTransaction
{
    public DbTransaction Inner { get; } = inner;

    protected override DbConnection? DbConnection => Inner.Connection is null ? null : connection;

    public override IsolationLevel IsolationLevel => Inner.IsolationLevel;

    public override bool SupportsSavepoints => Inner.SupportsSavepoints;

    public override void Commit()
    {
        connection.Plan.Step();
        Inner.Commit();
    }

    public override async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        connection.Plan.Step();
        await Inner.CommitAsync(cancellationToken);
    }

    public override void Rollback() => Inner.Rollback();

    public override Task RollbackAsync(CancellationToken cancellationToken = default) => Inner.RollbackAsync(cancellationToken);

    public override void Save(string savepointName)
    {
        connection.Plan.Step();
        Inner.Save(savepointName);
    }

    public override async Task SaveAsync(string savepointName, CancellationToken cancellationToken = default)
    {
        connection.Plan.Step();
        await Inner.SaveAsync(savepointName, cancellationToken);
    }

    public override void Release(string savepointName)
    {
        connection.Plan.Step();
        Inner.Release(savepointName);
    }

    public override async Task ReleaseAsync(string savepointName, CancellationToken cancellationToken = default)
    {
        connection.Plan.Step();
        await Inner.ReleaseAsync(savepointName, cancellationToken);
    }

    public override void Rollback(string savepointName) => Inner.Rollback(savepointName);

    public override Task RollbackAsync(string savepointName, CancellationToken cancellationToken = default) => Inner.RollbackAsync(savepointName, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => Inner.DisposeAsync();
}

/// <summary>A command of a <see cref="FaultyConnection"/>: each execution is a step.</summary>
public sealed class FaultyCommand(FaultyConnection connection, DbCommand inner) : DbCommand
{
    private DbTransaction? _transaction;

    [AllowNull]
    public override string CommandText
    {
        get => inner.CommandText;
        set => inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => inner.CommandTimeout;
        set => inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => inner.CommandType;
        set => inner.CommandType = value;
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource
    {
        get => inner.UpdatedRowSource;
        set => inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set { }
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set
        {
            _transaction = value;
            inner.Transaction = value is FaultyTransaction faulty ? faulty.Inner : value;
        }
    }

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        connection.Plan.Step();
        return inner.ExecuteNonQuery();
    }

    public override object? ExecuteScalar()
    {
        connection.Plan.Step();
        return inner.ExecuteScalar();
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        connection.Plan.Step();
        return inner.ExecuteReader(behavior);
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        connection.Plan.Step();
        return await inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        connection.Plan.Step();
        return await inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        connection.Plan.Step();
        return await inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
