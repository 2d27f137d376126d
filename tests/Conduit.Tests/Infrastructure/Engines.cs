using System.Reflection;
using Xunit.Sdk;

namespace Conduit.Tests.Infrastructure;

/// <summary>SQLite always; PostgreSQL when ASSOCIATIONS_PG holds a connection string (as the runtime tests).</summary>
public static class Engines
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ASSOCIATIONS_PG") is { Length: > 0 } value ? value : null;

    public const string PostgresSkipReason =
        "PostgreSQL tests skipped: no server configured. Set ASSOCIATIONS_PG to a connection string (bash scripts/postgres.sh start prints one).";
}

/// <summary>Runs the theory against the app on a fresh SQLite file.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Engines.Sqlite]];
}

/// <summary>Runs the theory against the app on a fresh PostgreSQL schema; skipped, with the reason, without a server.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresAttribute : DataAttribute
{
    public PostgresAttribute()
    {
        if (Engines.PostgresConnectionString is null) Skip = Engines.PostgresSkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Engines.Postgres]];
}
