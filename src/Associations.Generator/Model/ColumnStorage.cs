namespace Associations.Generator.Model
{
    /// <summary>
    /// How a column is stored: the runtime's <c>Associations.Metadata.ColumnType</c>, member for member (generated code
    /// writes <c>ColumnType.{name}</c>; a test compares the two). Unsigned and small integers are stored in the next wider
    /// signed type, a <c>char</c> as a one-character string, an enum as its underlying type.
    /// </summary>
    internal enum ColumnStorage
    {
        Int16,
        Int32,
        Int64,
        Byte,
        Boolean,
        String,
        Double,
        Single,
        Decimal,
        Guid,
        DateTime,
        DateTimeOffset,
        Bytes,
        TimeSpan,
        DateOnly,
        TimeOnly,
    }
}
