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

/// <summary>ON DELETE SET DEFAULT with a [DefaultValue] foreign key, and NO ACTION (issue 18 seed).</summary>
[HasMany(typeof(Gizmo), As = "Gizmos", ForeignKey = "ShelfId", OnDelete = ReferentialAction.SetDefault)]
[HasMany(typeof(Gadget), As = "Gadgets", ForeignKey = "ShelfId", OnDelete = ReferentialAction.NoAction)]
public partial class Shelf
{
    public int Id { get; set; }
    public string Label { get; set; } = "";
}

public partial class Gizmo
{
    public int Id { get; set; }
    [System.ComponentModel.DefaultValue(1)] public int? ShelfId { get; set; }
}

public partial class Gadget
{
    public int Id { get; set; }
    public int? ShelfId { get; set; }
}
