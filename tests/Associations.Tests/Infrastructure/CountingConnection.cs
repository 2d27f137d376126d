using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Associations.Tests.Infrastructure;

/// <summary>
/// A DbConnection that forwards to a real one and counts the calls that reach the server: command executions,
/// prepares, commits and rollbacks. On Npgsql each of them is one round trip (BEGIN is sent with the next command),
/// so <see cref="RoundTrips"/> is the number of round trips. Give the session the real connection's dialect.
/// </summary>
public sealed class CountingConnection(DbConnection inner) : DbConnection
{
    public DbConnection Inner { get; } = inner;

    public int Executions { get; internal set; }

    public int Prepares { get; internal set; }

    public int Commits { get; internal set; }

    public int RoundTrips => Executions + Prepares + Commits;

    public void Reset() => Executions = Prepares = Commits = 0;

    /// <summary>Forwards NpgsqlConnection.UnprepareAll, which the session calls by name when the server lost its prepared statements.</summary>
    public void UnprepareAll() => ((Npgsql.NpgsqlConnection)Inner).UnprepareAll();

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

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        await Inner.OpenAsync(cancellationToken);
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    public override async Task CloseAsync()
    {
        await Inner.CloseAsync();
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        new CountingTransaction(this, Inner.BeginTransaction(isolationLevel));

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        new CountingTransaction(this, await Inner.BeginTransactionAsync(isolationLevel, cancellationToken));

    protected override DbCommand CreateDbCommand() => new CountingCommand(this, Inner.CreateCommand());

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => Inner.DisposeAsync();
}

internal sealed class CountingTransaction(CountingConnection connection, DbTransaction inner) : DbTransaction
{
    public DbTransaction Inner { get; } = inner;

    protected override DbConnection DbConnection => connection;
    public override IsolationLevel IsolationLevel => Inner.IsolationLevel;
    public override bool SupportsSavepoints => Inner.SupportsSavepoints;

    public override void Commit()
    {
        connection.Commits++;
        Inner.Commit();
    }

    public override Task CommitAsync(CancellationToken cancellationToken = default)
    {
        connection.Commits++;
        return Inner.CommitAsync(cancellationToken);
    }

    public override void Rollback()
    {
        connection.Commits++;
        Inner.Rollback();
    }

    public override Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        connection.Commits++;
        return Inner.RollbackAsync(cancellationToken);
    }

    public override Task SaveAsync(string savepointName, CancellationToken cancellationToken = default)
    {
        connection.Executions++;
        return Inner.SaveAsync(savepointName, cancellationToken);
    }

    public override Task ReleaseAsync(string savepointName, CancellationToken cancellationToken = default)
    {
        connection.Executions++;
        return Inner.ReleaseAsync(savepointName, cancellationToken);
    }

    public override Task RollbackAsync(string savepointName, CancellationToken cancellationToken = default)
    {
        connection.Executions++;
        return Inner.RollbackAsync(savepointName, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => Inner.DisposeAsync();
}

internal sealed class CountingCommand(CountingConnection connection, DbCommand inner) : DbCommand
{
    [AllowNull]
    public override string CommandText
    {
        get => Inner.CommandText;
        set => Inner.CommandText = value;
    }

    public DbCommand Inner { get; } = inner;

    public override int CommandTimeout
    {
        get => Inner.CommandTimeout;
        set => Inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => Inner.CommandType;
        set => Inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => false;
        set { }
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => Inner.UpdatedRowSource;
        set => Inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set { }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    private DbTransaction? _transaction;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set
        {
            _transaction = value;
            Inner.Transaction = (value as CountingTransaction)?.Inner ?? value;
        }
    }

    public override void Cancel() => Inner.Cancel();

    protected override DbParameter CreateDbParameter() => Inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        connection.Executions++;
        return Inner.ExecuteNonQuery();
    }

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        connection.Executions++;
        return Inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override object? ExecuteScalar()
    {
        connection.Executions++;
        return Inner.ExecuteScalar();
    }

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        connection.Executions++;
        return Inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        connection.Executions++;
        return Inner.ExecuteReader(behavior);
    }

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        connection.Executions++;
        return Inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    public override void Prepare()
    {
        connection.Prepares++;
        Inner.Prepare();
    }

    public override Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        connection.Prepares++;
        return Inner.PrepareAsync(cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }
}
