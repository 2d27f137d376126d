using System;
using System.ComponentModel;

namespace Associations.Internal
{
    /// <summary>One statement, written at compile time for every dialect; the session picks its own.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class SqlText
    {
        /// <summary>Holds the statement for each dialect.</summary>
        public SqlText(string sqlite, string postgreSql)
        {
            Sqlite = sqlite;
            PostgreSql = postgreSql;
        }

        /// <summary>One text that is the same in every dialect.</summary>
        public SqlText(string all)
            : this(all, all)
        {
        }

        /// <summary>The SQLite text.</summary>
        public string Sqlite { get; }

        /// <summary>The PostgreSQL text.</summary>
        public string PostgreSql { get; }

        /// <summary>The text for <paramref name="kind"/>.</summary>
        public string For(DialectKind kind) => kind switch
        {
            DialectKind.Sqlite => Sqlite,
            DialectKind.PostgreSql => PostgreSql,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown dialect."),
        };

        /// <inheritdoc />
        public override string ToString() => Sqlite;
    }
}
