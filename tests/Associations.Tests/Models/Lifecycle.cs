namespace Associations.Tests.Models;

/// <summary>[Timestamps] with a to-many association.</summary>
[Timestamps]
[HasMany(typeof(Chore), As = "Chores")]
public partial class Household
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>[Timestamps] and [Paranoid], declaring its own DeletedAt.</summary>
[Timestamps]
[Paranoid]
[BelongsTo(typeof(Household))]
public partial class Chore
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public DateTime? DeletedAt { get; set; }
}
