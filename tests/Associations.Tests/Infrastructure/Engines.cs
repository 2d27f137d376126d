using System.Reflection;
using Xunit.Sdk;

namespace Associations.Tests.Infrastructure;

/// <summary>Where the tests run: SQLite always; PostgreSQL when a server is configured.</summary>
public static class Engines
{
    public const string Sqlite = "sqlite";
    public const string SqliteFile = "sqlite-file";
    public const string Postgres = "postgres";

    /// <summary>The PostgreSQL connection string (scripts/postgres.sh start prints one), or null.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ASSOCIATIONS_PG") is { Length: > 0 } value ? value : null;

    public const string PostgresSkipReason =
        "PostgreSQL tests skipped: no server configured. Set ASSOCIATIONS_PG to a connection string (bash scripts/postgres.sh start prints one); .ci/run does this.";
}

/// <summary>Runs the theory on SQLite (in memory).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Engines.Sqlite]];
}

/// <summary>Runs the theory on SQLite in a file on disk.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteFileAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Engines.SqliteFile]];
}

/// <summary>Runs the theory on PostgreSQL; reported as skipped, with the reason, when no server is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresAttribute : DataAttribute
{
    public PostgresAttribute()
    {
        if (Engines.PostgresConnectionString is null) Skip = Engines.PostgresSkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Engines.Postgres]];
}

/// <summary>A theory that runs only against PostgreSQL (its data names the engine); skipped, with the reason, when no server is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (Engines.PostgresConnectionString is null) Skip = Engines.PostgresSkipReason;
    }
}
