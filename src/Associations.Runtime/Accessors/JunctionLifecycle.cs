using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations.Internal
{
    /// <summary>
    /// What a BelongsToMany association does differently when its junction model has lifecycle columns (SPEC §12): a
    /// <c>[Paranoid]</c> junction's links are soft-deleted by <c>Remove*</c>/<c>Set*</c>, skipped by every read, and restored by
    /// adding the pair again; a <c>[Timestamps]</c> junction's rows get <c>CreatedAt</c>/<c>UpdatedAt</c>. The generated
    /// <see cref="JunctionSql"/> knows nothing of lifecycles, so these statements are built here from the junction's metadata,
    /// once per association and dialect.
    /// </summary>
    internal sealed class JunctionLifecycle<TJunction> where TJunction : class
    {
        private readonly ModelMetadata<TJunction> _junction;
        private readonly IColumn _source;
        private readonly IColumn _target;
        private readonly Condition<TJunction>? _scope;
        private readonly IReadOnlyList<string>? _conflict;
        private readonly Statements?[] _statements = new Statements?[2]; // one per DialectKind

        private JunctionLifecycle(ModelMetadata<TJunction> junction, IColumn source, IColumn target, Condition<TJunction>? scope, bool unique)
        {
            _junction = junction;
            _source = source;
            _target = target;
            _scope = scope;
            _conflict = unique ? ConflictColumns(junction, source.Name, target.Name) : null;
            if (junction.DeletedAt is { } deletedAt) LiveLinks = new NullTest<TJunction>(deletedAt, true);
        }

        /// <summary>The lifecycle of a junction, or null when it has no lifecycle columns (the generated statements do).</summary>
        public static JunctionLifecycle<TJunction>? For(ModelMetadata<TJunction> junction, IColumn source, IColumn target, Condition<TJunction>? scope, bool unique) =>
            junction.DeletedAt is null && !junction.HasTimestamps ? null : new JunctionLifecycle<TJunction>(junction, source, target, scope, unique);

        /// <summary><c>[Paranoid]</c> junction: <c>DeletedAt IS NULL</c>, the links every read sees (unless <c>through: j =&gt; j.WithDeleted()</c>); else null.</summary>
        public Condition<TJunction>? LiveLinks { get; }

        /// <summary>Whether links are soft-deleted.</summary>
        public bool Paranoid => LiveLinks is not null;

        /// <summary>Makes a junction row built for a write a live link with this write's timestamps (a fresh instance: nothing to undo).</summary>
        public void Prepare(TJunction row)
        {
            if (Paranoid) _junction.SetDeletedAt(row, null);
            if (_junction.HasTimestamps) _junction.Touch(row, DbSession.UtcNow(), inserted: true);
        }

        /// <summary>Soft-deletes the live links of <paramref name="sourceKey"/> whose target key is in (or, with
        /// <paramref name="others"/>, not in) <paramref name="targetKeys"/>; returns the rows written.</summary>
        public Task<int> SoftDeleteAsync(DbSession db, object sourceKey, object targetKeys, bool others, CancellationToken ct)
        {
            var statements = StatementsFor(db.Dialect);
            var (sql, scopeValues) = others ? statements.SoftDeleteOthers : statements.SoftDeleteKeys;
            var values = new object?[3 + scopeValues.Length];
            values[0] = DbSession.UtcNow();
            values[1] = sourceKey;
            values[2] = targetKeys;
            scopeValues.CopyTo(values, 3);
            return db.ExecuteAsync(sql, values, ct);
        }

        /// <summary>The INSERT of one link to use instead of the generated one (null: the generated one is right). Unique pairs only:
        /// without a payload a soft-deleted pair is restored (a live one left alone); with one, the pair gets the payload and is live
        /// again — <c>CreatedAt</c> is never overwritten.</summary>
        public string? Insert(Dialect dialect, bool payload)
        {
            var statements = StatementsFor(dialect);
            return payload ? statements.InsertUpdate : statements.InsertRestore;
        }

        private Statements StatementsFor(Dialect dialect) =>
            _statements[(int)dialect.Kind] ??= new Statements(
                SoftDelete(dialect, others: false),
                SoftDelete(dialect, others: true),
                _conflict is null || !Paranoid ? null : Upsert(dialect, payload: false),
                _conflict is null ? null : Upsert(dialect, payload: true));

        /// <summary><c>UPDATE junction SET DeletedAt = @p0 WHERE source = @p1 AND [NOT] target IN @p2 AND DeletedAt IS NULL [AND scope]</c>;
        /// the scope's constants follow as @p3….</summary>
        private (string Sql, object?[] ScopeValues) SoftDelete(Dialect d, bool others)
        {
            if (_junction.DeletedAt is not { } deletedAt) return ("", Array.Empty<object?>());
            var w = new SqlWriter(d);
            w.Append("UPDATE ").Append(d.QuoteTable(_junction)).Append(" SET ").Column(deletedAt.Name).Append(" = ").Parameter(null)
                .Append(" WHERE ").Column(_source.Name).Append(" = ").Parameter(null).Append(" AND ");
            var inKeys = d.InKeyList(d.Quote(_target.Name), w.AddParameter(null));
            w.Append(others ? "NOT (" + inKeys + ")" : inKeys).Append(" AND ");
            LiveLinks!.WriteTo(w);
            if (_scope is not null)
            {
                w.Append(" AND ");
                _scope.WriteTo(w);
            }
            return (w.ToString(), w.Parameters.Skip(3).ToArray());
        }

        /// <summary><c>INSERT … ON CONFLICT (pair) DO UPDATE SET …</c>: restore only (<c>DeletedAt = NULL</c> and <c>UpdatedAt</c>, where it was set), or
        /// every written column but the pair and <c>CreatedAt</c> (the row's <c>DeletedAt</c> is null, see <see cref="Prepare"/>).</summary>
        private string Upsert(Dialect d, bool payload)
        {
            var inserted = _junction.Columns.Where(c => !c.IsGenerated).ToList();
            var table = d.Quote(_junction.Table);
            var sql = new StringBuilder("INSERT INTO ").Append(d.QuoteTable(_junction)).Append(" (")
                .Append(string.Join(", ", inserted.Select(c => d.Quote(c.Name)))).Append(") VALUES (")
                .Append(string.Join(", ", inserted.Select((_, i) => "@p" + i))).Append(") ON CONFLICT (")
                .Append(string.Join(", ", _conflict!.Select(d.Quote))).Append(") DO UPDATE SET ");
            if (payload)
            {
                var set = inserted.Where(c => !_conflict!.Contains(c.Name) && c.Name != _source.Name && c.Name != _target.Name && c.Name != _junction.NotUpdated);
                sql.Append(string.Join(", ", set.Select(c => d.Quote(c.Name) + " = excluded." + d.Quote(c.Name))));
            }
            else
            {
                var deletedAt = d.Quote(_junction.DeletedAt!.Name);
                sql.Append(deletedAt).Append(" = NULL");
                if (_junction.UpdatedAtColumn is { } updatedAt) sql.Append(", ").Append(d.Quote(updatedAt.Name)).Append(" = excluded.").Append(d.Quote(updatedAt.Name));
                sql.Append(" WHERE ").Append(table).Append('.').Append(deletedAt).Append(" IS NOT NULL");
            }
            if (_junction.KeyGenerated) sql.Append(" RETURNING ").Append(d.Quote(_junction.Key[0].Name));
            return sql.ToString();
        }

        /// <summary>The columns a pair is unique on, as the generator chose them: the key when it holds the pair, else the unique
        /// constraint that does (the association scope's column may be part of either).</summary>
        private static IReadOnlyList<string>? ConflictColumns(ModelMetadata junction, string source, string target)
        {
            var key = junction.Key.Select(c => c.Name).ToList();
            if (key.Contains(source) && key.Contains(target)) return key;
            return junction.UniqueConstraints.FirstOrDefault(u => u.Contains(source) && u.Contains(target));
        }

        private sealed record Statements(
            (string Sql, object?[] ScopeValues) SoftDeleteKeys,
            (string Sql, object?[] ScopeValues) SoftDeleteOthers,
            string? InsertRestore,
            string? InsertUpdate);
    }
}
