using System.ComponentModel.DataAnnotations.Schema;

namespace Associations.Tests.Models;

// The "new" shape of the schema-evolution tests (SchemaEvolutionTests): each test first makes an older
// shape of these tables with raw SQL, fills it, then brings it here with SyncAsync(Alter = true).

[Table("evo_authors")]
[HasMany(typeof(EvoBook), As = "Books", ForeignKey = "AuthorId", OnDelete = ReferentialAction.Cascade)]
public partial class EvoAuthor
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Nickname { get; set; }
}

[Table("evo_books")]
[BelongsTo(typeof(EvoAuthor), As = "Author", ForeignKey = "AuthorId", OnDelete = ReferentialAction.Cascade)]
[HasMany(typeof(EvoLoan), As = "Loans", SourceKey = "Code", ForeignKey = "BookCode")]
public partial class EvoBook
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public double Price { get; set; }
    public int? AuthorId { get; set; }
    public string Code { get; set; } = "";
}

[Table("evo_loans")]
public partial class EvoLoan
{
    public int Id { get; set; }
    public string Borrower { get; set; } = "";
}
