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

/// <summary>A [Paranoid], [Timestamps] junction with a payload, declared by the user (SPEC §12): Remove*/Set* soft-delete links,
/// every read skips them, re-adding restores them.</summary>
[BelongsToMany(typeof(Club), Through = typeof(Membership))]
public partial class Athlete
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

[BelongsToMany(typeof(Athlete), Through = typeof(Membership))]
public partial class Club
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

[Paranoid]
[Timestamps]
public partial class Membership
{
    public string Level { get; set; } = "basic";
}

/// <summary>A [Timestamps] junction (not paranoid) with a payload: link rows get CreatedAt/UpdatedAt; a new payload moves UpdatedAt only.</summary>
[BelongsToMany(typeof(Crafter), Through = typeof(GuildSeat))]
public partial class Guild
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public partial class Crafter
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

[Timestamps]
public partial class GuildSeat
{
    public string Rank { get; set; } = "apprentice";
}

/// <summary>A [Paranoid] junction of its own key whose pairs may repeat (Unique = false): no pair to restore, so re-adding
/// links anew and soft-deleted rows stay as history.</summary>
[BelongsToMany(typeof(Track), Through = typeof(Spin), Unique = false)]
public partial class Radio
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public partial class Track
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
}

[Paranoid]
public partial class Spin
{
    public int Id { get; set; }
}

/// <summary>A [Paranoid] junction with delete hooks: links are soft-deleted row by row, the hooks running.</summary>
[BelongsToMany(typeof(Badge), Through = typeof(Award))]
public partial class Scout
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public partial class Badge
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

[Paranoid]
public partial class Award : IBeforeDelete
{
    public static int Deleted;

    public Task OnBeforeDeleteAsync(DbSession db, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Deleted);
        return Task.CompletedTask;
    }
}

/// <summary>ON UPDATE SET DEFAULT and NO ACTION, observable through a non-primary source key (issue 18 seed).</summary>
[HasMany(typeof(Crate), As = "Crates", SourceKey = "Code", ForeignKey = "DepotCode", OnUpdate = ReferentialAction.SetDefault)]
[HasMany(typeof(Pallet), As = "Pallets", SourceKey = "Code", ForeignKey = "DepotCode", OnUpdate = ReferentialAction.NoAction)]
public partial class Depot
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
}

public partial class Crate
{
    public int Id { get; set; }
    [System.ComponentModel.DefaultValue("MAIN")] public string? DepotCode { get; set; }
}

public partial class Pallet
{
    public int Id { get; set; }
    public string? DepotCode { get; set; }
}
