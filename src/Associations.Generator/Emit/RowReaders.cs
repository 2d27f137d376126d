using Associations.Generator.Graph;
using Associations.Generator.Model;

namespace Associations.Generator.Emit
{
    /// <summary>How generated readers read one column from a <c>DbDataReader</c>.</summary>
    internal static class RowReaders
    {
        public static string PartialRead(TypeNames n, string model, ColumnSpec c, int index)
        {
            var ordinal = $"o[{index}]";
            var read = ReadExpression(n, model, c, ordinal);
            return c.Nullable ? $"(r.IsDBNull({ordinal}) ? null : {read})" : read;
        }

        /// <summary>How a generated reader reads column <paramref name="c"/>: a range-checked <c>ColumnValues</c> reader (the read
        /// half of the runtime's type map), or the provider's own getter where every stored value fits.</summary>
        public static string ReadExpression(TypeNames n, string model, ColumnSpec c, string ordinal)
        {
            var values = n.Values + ".";
            var names = $"\"{model}\", \"{c.Property.TrimStart('@')}\"";
            string Checked(string method) => $"{values}{method}(r, {ordinal}, {names})";
            string Plain(string method) => $"{values}{method}(r, {ordinal})";
            var read = (c.EnumUnderlying ?? c.ValueType) switch
            {
                "byte" => Checked("ReadByte"),
                "sbyte" => Checked("ReadSByte"),
                "short" => Checked("ReadInt16"),
                "ushort" => Checked("ReadUInt16"),
                "int" => Checked("ReadInt32"),
                "uint" => Checked("ReadUInt32"),
                "long" => $"r.GetInt64({ordinal})",
                "ulong" => Checked("ReadUInt64"),
                "char" => Checked("ReadChar"),
                _ => c.Storage switch
                {
                    ColumnStorage.Boolean => $"r.GetBoolean({ordinal})",
                    ColumnStorage.String => $"r.GetString({ordinal})",
                    ColumnStorage.Double => $"r.GetDouble({ordinal})",
                    ColumnStorage.Single => Checked("ReadSingle"),
                    ColumnStorage.Decimal => Checked("ReadDecimal"),
                    ColumnStorage.Guid => Plain("ReadGuid"),
                    ColumnStorage.DateTime => Plain(c.Lifecycle is null ? "ReadDateTime" : "ReadUtcDateTime"),
                    ColumnStorage.DateTimeOffset => Plain("ReadDateTimeOffset"),
                    ColumnStorage.DateOnly => Plain("ReadDateOnly"),
                    ColumnStorage.TimeOnly => Plain("ReadTimeOnly"),
                    ColumnStorage.TimeSpan => Plain("ReadTimeSpan"),
                    _ => $"r.GetFieldValue<byte[]>({ordinal})",
                },
            };
            return c.EnumUnderlying is not null ? $"({c.ValueType}){read}" : read;
        }
    }
}
