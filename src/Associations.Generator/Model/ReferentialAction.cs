namespace Associations.Generator.Model
{
    /// <summary>
    /// ON DELETE / ON UPDATE of a foreign key: the runtime's <c>Associations.ReferentialAction</c>, same names and values
    /// (the attribute's argument is read as its number; a test compares the two).
    /// </summary>
    internal enum ReferentialAction
    {
        Restrict = 0,
        Cascade = 1,
        NoAction = 2,
        SetDefault = 3,
        SetNull = 4,
    }
}
