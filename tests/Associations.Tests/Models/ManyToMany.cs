namespace Associations.Tests.Models;

/// <summary>Generated junction: Through = "UserRoles" makes partial class UserRoles with a composite key.</summary>
[BelongsToMany(typeof(User), Through = "UserRoles")]
public partial class Role
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>The inverse of Role.Users, declared on User in a second partial declaration.</summary>
[BelongsToMany(typeof(Role), Through = "UserRoles")]
[BelongsToMany(typeof(Project), Through = typeof(UserProject))]
public partial class User
{
}

/// <summary>A user junction with a payload and no key of its own: the pair becomes its key.</summary>
public partial class UserProject
{
    public string Status { get; set; } = "new";
    public int Hours { get; set; }
}

public partial class Project
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>Super many-to-many: the junction is a model with its own key, BelongsTo both sides, HasMany from both.</summary>
[BelongsToMany(typeof(Ticket), Through = typeof(Assignment))]
[HasMany(typeof(Assignment))]
public partial class Developer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

[BelongsToMany(typeof(Developer), Through = typeof(Assignment))]
[HasMany(typeof(Assignment))]
public partial class Ticket
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
}

[BelongsTo(typeof(Developer))]
[BelongsTo(typeof(Ticket))]
public partial class Assignment
{
    public int Id { get; set; }
    public string Role { get; set; } = "owner";
}

/// <summary>Self-referencing many-to-many; the inverse names its keys.</summary>
[BelongsToMany(typeof(Human), As = "Children", Through = "HumanChildren")]
[BelongsToMany(typeof(Human), As = "Parents", Through = "HumanChildren", ForeignKey = "ChildId", OtherKey = "HumanId")]
public partial class Human
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Unique = false: the same pair may be linked twice; the junction gets its own key.</summary>
[BelongsToMany(typeof(Song), Through = "PlaylistSongs", Unique = false)]
public partial class Playlist
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public partial class Song
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>Client-side Guid keys on one side, string keys on the other: junction, includes and stitching by non-integer keys.</summary>
[BelongsToMany(typeof(Member), Through = "CrewMembers")]
[HasMany(typeof(Mission))]
public partial class Crew
{
    [System.ComponentModel.DataAnnotations.Key]
    [System.ComponentModel.DataAnnotations.Schema.DatabaseGenerated(System.ComponentModel.DataAnnotations.Schema.DatabaseGeneratedOption.None)]
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A member is known by a handle (a string primary key).</summary>
[BelongsToMany(typeof(Crew), Through = "CrewMembers")]
public partial class Member
{
    [System.ComponentModel.DataAnnotations.Key]
    public string Handle { get; set; } = "";
    public string Name { get; set; } = "";
}

public partial class Mission
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
}
