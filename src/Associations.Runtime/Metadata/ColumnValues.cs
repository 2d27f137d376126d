using System;
using System.ComponentModel;
using System.Data.Common;
using System.Globalization;

namespace Associations.Internal
{
    /// <summary>
    /// Reads column values for generated row readers, the read half of <see cref="TypeMap"/>: each reader accepts what
    /// either engine stores for the type (see the type map) and checks the range, so a value the property cannot hold
    /// (300 in a <c>byte</c> column written by another tool) fails with an <see cref="AssociationException"/> naming the
    /// model, the property and the value instead of wrapping around. <c>DateTime</c>s come back with
    /// <see cref="DateTimeKind.Unspecified"/> and <c>DateTimeOffset</c>s in UTC, on both engines.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ColumnValues
    {
        /// <summary>A <see cref="byte"/>.</summary>
        public static byte ReadByte(DbDataReader reader, int ordinal, string model, string property) =>
            (byte)Integer(reader, ordinal, byte.MinValue, byte.MaxValue, model, property, "byte");

        /// <summary>An <see cref="sbyte"/>.</summary>
        public static sbyte ReadSByte(DbDataReader reader, int ordinal, string model, string property) =>
            (sbyte)Integer(reader, ordinal, sbyte.MinValue, sbyte.MaxValue, model, property, "sbyte");

        /// <summary>A <see cref="short"/>.</summary>
        public static short ReadInt16(DbDataReader reader, int ordinal, string model, string property) =>
            (short)Integer(reader, ordinal, short.MinValue, short.MaxValue, model, property, "short");

        /// <summary>A <see cref="ushort"/>.</summary>
        public static ushort ReadUInt16(DbDataReader reader, int ordinal, string model, string property) =>
            (ushort)Integer(reader, ordinal, ushort.MinValue, ushort.MaxValue, model, property, "ushort");

        /// <summary>An <see cref="int"/>.</summary>
        public static int ReadInt32(DbDataReader reader, int ordinal, string model, string property) =>
            (int)Integer(reader, ordinal, int.MinValue, int.MaxValue, model, property, "int");

        /// <summary>A <see cref="uint"/>.</summary>
        public static uint ReadUInt32(DbDataReader reader, int ordinal, string model, string property) =>
            (uint)Integer(reader, ordinal, uint.MinValue, uint.MaxValue, model, property, "uint");

        /// <summary>A <see cref="ulong"/> (stored in a signed 64-bit column).</summary>
        public static ulong ReadUInt64(DbDataReader reader, int ordinal, string model, string property) =>
            (ulong)Integer(reader, ordinal, 0, long.MaxValue, model, property, "ulong");

        /// <summary>A <see cref="float"/> (a stored value beyond its range fails rather than becoming infinity).</summary>
        public static float ReadSingle(DbDataReader reader, int ordinal, string model, string property)
        {
            var value = reader.GetDouble(ordinal);
            return double.IsFinite(value) && Math.Abs(value) > float.MaxValue ? throw OutOfRange(model, property, value, "float") : (float)value;
        }

        /// <summary>A <see cref="decimal"/>: <c>numeric</c> on PostgreSQL, exact text on SQLite.</summary>
        public static decimal ReadDecimal(DbDataReader reader, int ordinal, string model, string property)
        {
            try
            {
                return reader.GetDecimal(ordinal);
            }
            catch (Exception error) when (error is FormatException or OverflowException or InvalidCastException)
            {
                throw OutOfRange(model, property, reader.GetValue(ordinal), "decimal", error);
            }
        }

        /// <summary>A <see cref="char"/>, stored as a one-character string (an empty string reads as <c>'\0'</c>).</summary>
        public static char ReadChar(DbDataReader reader, int ordinal, string model, string property)
        {
            var text = reader.GetString(ordinal);
            return text.Length switch
            {
                0 => '\0',
                1 => text[0],
                _ => throw OutOfRange(model, property, text, "char"),
            };
        }

        /// <summary>A <see cref="DateTime"/>: the wall clock as written, <see cref="DateTimeKind.Unspecified"/>.</summary>
        public static DateTime ReadDateTime(DbDataReader reader, int ordinal)
        {
            var value = reader.GetDateTime(ordinal);
            return value.Kind == DateTimeKind.Unspecified ? value : DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        }

        /// <summary>A <c>[Timestamps]</c>/<c>[Paranoid]</c> column: written in UTC by the runtime, read back with <see cref="DateTimeKind.Utc"/>.</summary>
        public static DateTime ReadUtcDateTime(DbDataReader reader, int ordinal) =>
            DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

        /// <summary>A <see cref="DateTimeOffset"/>: the instant as written, in UTC (offset zero).</summary>
        public static DateTimeOffset ReadDateTimeOffset(DbDataReader reader, int ordinal) =>
            reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

        /// <summary>A <see cref="DateOnly"/>.</summary>
        public static DateOnly ReadDateOnly(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

        /// <summary>A <see cref="TimeOnly"/>.</summary>
        public static TimeOnly ReadTimeOnly(DbDataReader reader, int ordinal) => reader.GetFieldValue<TimeOnly>(ordinal);

        /// <summary>A <see cref="Guid"/>: <c>uuid</c> on PostgreSQL, text (or a 16-byte blob written by another tool) on SQLite.</summary>
        public static Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

        /// <summary>A <see cref="TimeSpan"/>: an <c>interval</c> on PostgreSQL, ticks on SQLite (text written by other tools is parsed).</summary>
        public static TimeSpan ReadTimeSpan(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
        {
            TimeSpan value => value,
            long ticks => TimeSpan.FromTicks(ticks),
            string text => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
            var other => throw new InvalidCastException($"Cannot read a TimeSpan from a {other.GetType().Name} in column {reader.GetName(ordinal)}."),
        };

        /// <summary>The stored integer, when it lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        private static long Integer(DbDataReader reader, int ordinal, long min, long max, string model, string property, string type)
        {
            var value = reader.GetInt64(ordinal);
            return value >= min && value <= max ? value : throw OutOfRange(model, property, value, type);
        }

        private static AssociationException OutOfRange(string model, string property, object value, string type, Exception? inner = null) =>
            new AssociationException(
                $"Cannot read {model}.{property}: the stored value {Convert.ToString(value, CultureInfo.InvariantCulture)} does not fit its type {type}.",
                model, null, null, inner);
    }
}
