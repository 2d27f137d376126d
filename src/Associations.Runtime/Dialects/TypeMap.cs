using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Associations.Metadata;

namespace Associations
{
    /// <summary>
    /// The one place that decides, per engine, how each supported .NET type is stored: its column type, how a parameter
    /// is written, how an element of a key list (<c>In</c>, accessor key lists) is written, and how a column orders.
    /// Storage is chosen so that the engine compares like .NET does (see docs/architecture.md, "Values"); values are read
    /// back by <see cref="Internal.ColumnValues"/>, range-checked. DDL, parameters, <c>In</c> and generated readers all go through here.
    /// </summary>
    public abstract class TypeMap
    {
        private protected TypeMap() { }

        /// <summary>The SQL type of a column of <paramref name="type"/>.</summary>
        public abstract string StoreType(ColumnType type);

        /// <summary>The SQL type of <paramref name="column"/>: its <c>[Column(TypeName)]</c> verbatim, its length limit, or <see cref="StoreType(ColumnType)"/>.</summary>
        public virtual string StoreType(ColumnInfo column) => column.StoreType ?? StoreType(column.Type);

        /// <summary>The value a parameter carries for <paramref name="value"/> (null becomes <see cref="DBNull"/>).</summary>
        public object ToParameter(object? value) => value is null ? DBNull.Value : Store(Normalize(value));

        /// <summary>One parameter carrying every value of <paramref name="values"/> (non-null) for a column of <paramref name="type"/>,
        /// each written exactly as <see cref="ToParameter"/> writes it, so that the engine compares them equal to stored values.</summary>
        public abstract object KeyList(IReadOnlyCollection<object> values, ColumnType type);

        /// <summary>One ORDER BY term: nulls first ascending and last descending, as LINQ orders them.</summary>
        public abstract string OrderTerm(string column, bool descending, bool nullable);

        /// <summary>The engine-specific form of a normalized value.</summary>
        private protected abstract object Store(object value);

        /// <summary>Enums become their underlying number; unsigned and small integers the next wider signed type (a
        /// <c>ulong</c> above <see cref="long.MaxValue"/> cannot be stored and throws); a <c>char</c> a one-character string.</summary>
        private protected static object Normalize(object value)
        {
            if (value is Enum e) value = EnumValue(e);
            return value switch
            {
                byte b => (short)b,
                sbyte b => (short)b,
                ushort u => (int)u,
                uint u => (long)u,
                ulong u => u <= long.MaxValue ? (long)u : throw new OverflowException($"The value {u} does not fit the 64-bit signed integer a ulong column is stored in."),
                char c => c == '\0' ? "" : c.ToString(), // '\0' is the empty string (PostgreSQL text cannot hold NUL); read back as '\0'
                float f => f,
                _ => value,
            };
        }

        private static object EnumValue(Enum e) => Type.GetTypeCode(e.GetType()) switch
        {
            TypeCode.Byte => Convert.ToByte(e, CultureInfo.InvariantCulture),
            TypeCode.SByte => Convert.ToSByte(e, CultureInfo.InvariantCulture),
            TypeCode.Int16 => Convert.ToInt16(e, CultureInfo.InvariantCulture),
            TypeCode.UInt16 => Convert.ToUInt16(e, CultureInfo.InvariantCulture),
            TypeCode.UInt32 => Convert.ToUInt32(e, CultureInfo.InvariantCulture),
            TypeCode.Int64 => Convert.ToInt64(e, CultureInfo.InvariantCulture),
            TypeCode.UInt64 => Convert.ToUInt64(e, CultureInfo.InvariantCulture),
            _ => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// SQLite. Integers, booleans and <see cref="TimeSpan"/> (ticks) are INTEGER; <c>float</c>/<c>double</c> REAL; text types are
    /// written in fixed, sortable forms so that text order is time order: <c>DateTime</c> <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>
    /// (the wall clock, never shifted), <c>DateTimeOffset</c> the same in UTC with <c>+00:00</c> (so text order is instant
    /// order), <c>DateOnly</c> <c>yyyy-MM-dd</c>, <c>TimeOnly</c> <c>HH:mm:ss.FFFFFFF</c>, <c>Guid</c> lowercase <c>D</c>.
    /// <c>decimal</c> is exact text compared by the <c>ASSOCIATIONS_DECIMAL</c> collation (numeric order, <c>1.50 = 1.5</c>),
    /// which every session registers on its connection. Key lists are one JSON array read by <c>json_each</c>.
    /// </summary>
    internal sealed class SqliteTypeMap : TypeMap
    {
        /// <summary>The collation decimal columns are declared with.</summary>
        public const string DecimalCollation = "ASSOCIATIONS_DECIMAL";

        public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
        public const string TimeFormat = "HH:mm:ss.FFFFFFF";

        public override string StoreType(ColumnType type) => type switch
        {
            ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64 or ColumnType.Byte or ColumnType.Boolean or ColumnType.TimeSpan => "INTEGER",
            ColumnType.Double or ColumnType.Single => "REAL",
            ColumnType.Bytes => "BLOB",
            _ => "TEXT",
        };

        private protected override object Store(object value) => value switch
        {
            bool b => b ? 1L : 0L,
            float f => (double)f,
            Guid g => g.ToString("D"),
            TimeSpan t => t.Ticks,
            DateTime d => d.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
            DateTimeOffset o => o.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture) + "+00:00",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString(TimeFormat, CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            _ => value,
        };

        public override object KeyList(IReadOnlyCollection<object> values, ColumnType type)
        {
            var sb = new StringBuilder(values.Count * 6 + 2).Append('[');
            var first = true;
            foreach (var value in values)
            {
                if (!first) sb.Append(',');
                first = false;
                switch (ToParameter(value))
                {
                    case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
                    case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
                    case short s: sb.Append(s.ToString(CultureInfo.InvariantCulture)); break;
                    case double d: sb.Append(double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : d > 0 ? "9e999" : d < 0 ? "-9e999" : "null"); break;
                    case string s: AppendJsonString(sb, s); break;
                    case var other: throw new NotSupportedException($"A {other.GetType().Name} cannot be part of a key list.");
                }
            }
            return sb.Append(']').ToString();
        }

        public override string OrderTerm(string column, bool descending, bool nullable) =>
            descending ? column + " DESC" : column; // SQLite orders NULL first ascending, last descending, as LINQ does

        private static void AppendJsonString(StringBuilder sb, string value)
        {
            sb.Append('"');
            foreach (var ch in value)
            {
                switch (ch)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (ch < ' ') sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(ch);
                        break;
                }
            }
            sb.Append('"');
        }

        /// <summary>The <c>ASSOCIATIONS_DECIMAL</c> collation: numeric order of decimal text; text that is not a decimal sorts
        /// after every decimal, ordinally.</summary>
        public static int CompareDecimalText(string? x, string? y)
        {
            var xOk = TryParse(x, out var a);
            var yOk = TryParse(y, out var b);
            if (xOk && yOk) return a.CompareTo(b);
            if (xOk != yOk) return xOk ? -1 : 1;
            return string.CompareOrdinal(x, y);
        }

        private static bool TryParse(string? text, out decimal value) =>
            decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// PostgreSQL. Native types throughout: <c>numeric</c>, <c>uuid</c>, <c>timestamp</c> (a <c>DateTime</c> is sent as an
    /// unspecified wall clock, so no session or server time zone shifts it), <c>timestamptz</c> (a <c>DateTimeOffset</c> is
    /// sent in UTC and read back in UTC), <c>date</c>, <c>time</c>, <c>interval</c>. Small and unsigned integers go in the
    /// next wider signed type. Key lists are one typed array (<c>= ANY(@p)</c>). Ascending order puts nulls first and
    /// descending last, as LINQ does (PostgreSQL's default is the opposite).
    /// </summary>
    internal sealed class PostgreSqlTypeMap : TypeMap
    {
        public override string StoreType(ColumnType type) => type switch
        {
            ColumnType.Int16 or ColumnType.Byte => "smallint",
            ColumnType.Int32 => "integer",
            ColumnType.Int64 => "bigint",
            ColumnType.Boolean => "boolean",
            ColumnType.Double => "double precision",
            ColumnType.Single => "real",
            ColumnType.Decimal => "numeric",
            ColumnType.Guid => "uuid",
            ColumnType.DateTime => "timestamp without time zone",
            ColumnType.DateTimeOffset => "timestamp with time zone",
            ColumnType.DateOnly => "date",
            ColumnType.TimeOnly => "time without time zone",
            ColumnType.Bytes => "bytea",
            ColumnType.TimeSpan => "interval",
            _ => "text",
        };

        public override string StoreType(ColumnInfo column) =>
            column.StoreType ?? (column.MaxLength is { } n && column.Type == ColumnType.String
                ? "character varying(" + n.ToString(CultureInfo.InvariantCulture) + ")"
                : StoreType(column.Type));

        private protected override object Store(object value) => value switch
        {
            // Sent as `timestamp`: the wall clock as written, whatever its Kind (a Utc kind would make Npgsql send
            // timestamptz, which the server converts with the session's TimeZone).
            DateTime d => d.Kind == DateTimeKind.Unspecified ? d : DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
            // timestamptz accepts only UTC offsets.
            DateTimeOffset o => o.ToUniversalTime(),
            _ => value,
        };

        public override object KeyList(IReadOnlyCollection<object> values, ColumnType type) => type switch
        {
            ColumnType.Int16 or ColumnType.Byte => Array<short>(values),
            ColumnType.Int32 => Array<int>(values),
            ColumnType.Int64 => Array<long>(values),
            ColumnType.Boolean => Array<bool>(values),
            ColumnType.Double => Array<double>(values),
            ColumnType.Single => Array<float>(values),
            ColumnType.Decimal => Array<decimal>(values),
            ColumnType.Guid => Array<Guid>(values),
            ColumnType.DateTime => Array<DateTime>(values),
            ColumnType.DateTimeOffset => Array<DateTimeOffset>(values),
            ColumnType.DateOnly => Array<DateOnly>(values),
            ColumnType.TimeOnly => Array<TimeOnly>(values),
            ColumnType.TimeSpan => Array<TimeSpan>(values),
            ColumnType.Bytes => Array<byte[]>(values),
            _ => Array<string>(values),
        };

        private T[] Array<T>(IReadOnlyCollection<object> values)
        {
            var array = new T[values.Count];
            var i = 0;
            foreach (var value in values)
            {
                var stored = ToParameter(value);
                array[i++] = stored is T typed ? typed : (T)Convert.ChangeType(stored, typeof(T), CultureInfo.InvariantCulture);
            }
            return array;
        }

        public override string OrderTerm(string column, bool descending, bool nullable) =>
            !nullable ? (descending ? column + " DESC" : column) : descending ? column + " DESC NULLS LAST" : column + " NULLS FIRST";
    }
}
