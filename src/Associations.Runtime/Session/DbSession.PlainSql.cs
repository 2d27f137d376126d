using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations
{
    // Plain SQL without Dapper: positional parameters (@p0, @p1, … bound from a list, as the library binds its own statements)
    // and model rows read by the generated reader. No reflection, no emitted code: safe under trimming and Native AOT.
    public sealed partial class DbSession
    {
        /// <summary>
        /// Runs plain SQL inside the session's transaction; <paramref name="parameters"/> are bound to <c>@p0</c>, <c>@p1</c>, …
        /// Returns the affected rows. Native AOT safe (no Dapper).
        /// </summary>
        public Task<int> ExecuteSqlAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default) =>
            ExecuteAsync(sql ?? throw new ArgumentNullException(nameof(sql)), parameters ?? Array.Empty<object?>(), cancellationToken);

        /// <summary>
        /// Runs a plain SQL query and reads its rows as <typeparamref name="T"/> with the generated reader, matching columns to
        /// the model's columns by name (case-insensitive); model columns the query does not return keep their defaults.
        /// <paramref name="parameters"/> are bound to <c>@p0</c>, <c>@p1</c>, … Native AOT safe (no Dapper).
        /// </summary>
        public async Task<List<T>> QuerySqlAsync<T>(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
            where T : class, IModel<T>
        {
            if (sql is null) throw new ArgumentNullException(nameof(sql));
            parameters ??= Array.Empty<object?>();
            var metadata = T.Metadata;
            int[]? ordinals = null;
            return await ReadAsync(sql, parameters, reader => metadata.ReadPartial(reader, ordinals ??= ColumnOrdinals(metadata, reader)), cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>
        /// Runs a plain SQL scalar query: the first column of the first row, converted to <typeparamref name="TValue"/>
        /// (default when there is no row or it is NULL). <paramref name="parameters"/> are bound to <c>@p0</c>, <c>@p1</c>, …
        /// Native AOT safe (no Dapper); conversions are those of <see cref="Convert.ChangeType(object, Type, IFormatProvider)"/>.
        /// </summary>
        public async Task<TValue?> ScalarSqlAsync<TValue>(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
        {
            if (sql is null) throw new ArgumentNullException(nameof(sql));
            parameters ??= Array.Empty<object?>();
            var value = await ScalarAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            if (value is null) return default;
            if (value is TValue typed) return typed;
            var target = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
            return (TValue)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        /// <summary>For each column of <paramref name="metadata"/>, its ordinal in <paramref name="reader"/> (by name), or -1.</summary>
        private static int[] ColumnOrdinals(ModelMetadata metadata, DbDataReader reader)
        {
            var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = reader.FieldCount - 1; i >= 0; i--) byName[reader.GetName(i)] = i;
            var ordinals = new int[metadata.Columns.Count];
            var found = 0;
            for (var i = 0; i < ordinals.Length; i++)
            {
                ordinals[i] = byName.TryGetValue(metadata.Columns[i].Name, out var ordinal) ? ordinal : -1;
                if (ordinals[i] >= 0) found++;
            }
            if (found == 0)
                throw new InvalidOperationException(
                    $"The query returns none of the columns of {metadata.Name} ({string.Join(", ", ColumnNames(metadata))}); select them by name, e.g. SELECT * FROM {metadata.Table}.");
            return ordinals;
        }

        private static IEnumerable<string> ColumnNames(ModelMetadata metadata)
        {
            foreach (var column in metadata.Columns) yield return column.Name;
        }
    }
}
