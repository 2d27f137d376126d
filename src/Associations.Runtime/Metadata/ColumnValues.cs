using System;
using System.Data.Common;
using System.Globalization;

namespace Associations.Metadata
{
    /// <summary>Reads the column values whose stored form differs per dialect (used by generated row readers).</summary>
    public static class ColumnValues
    {
        /// <summary>A <see cref="char"/>, stored as a one-character string (an empty string reads as <c>'\0'</c>).</summary>
        public static char ReadChar(DbDataReader reader, int ordinal)
        {
            var text = reader.GetString(ordinal);
            return text.Length == 0 ? '\0' : text[0];
        }

        /// <summary>A <see cref="TimeSpan"/>: an <c>interval</c> on PostgreSQL, ticks on SQLite (text written by other tools is parsed).</summary>
        public static TimeSpan ReadTimeSpan(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
        {
            TimeSpan value => value,
            long ticks => TimeSpan.FromTicks(ticks),
            string text => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
            var other => throw new InvalidCastException($"Cannot read a TimeSpan from a {other.GetType().Name} in column {reader.GetName(ordinal)}."),
        };
    }
}
