namespace Associations.Tests.Models;

/// <summary>Models nested in a partial type, one of them a <c>record class</c> (issue 14).</summary>
public static partial class Library
{
    [HasMany(typeof(Edition), As = "Editions")]
    [BelongsToMany(typeof(Shelfmark), Through = "BookShelfmarks")]
    public partial record Book
    {
        public int Id { get; set; }
        public string Title { get; set; } = "";
    }

    internal partial class Shelfmark
    {
        public int Id { get; set; }
        public string Code { get; set; } = "";
    }
}

/// <summary>A top-level <c>record class</c> that belongs to a nested model.</summary>
[BelongsTo(typeof(Library.Book))]
public partial record class Edition
{
    public int Id { get; set; }
    public int Year { get; set; }
}
