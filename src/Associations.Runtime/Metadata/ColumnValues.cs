using System;
using System.Data.Common;
using System.Globalization;

namespace Associations.Metadata
{
    /// <summary>Reads the column values whose stored form differs per dialect (used by generated row readers).</summary>
    public static class ColumnValues
    {
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
