using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Associations.Tests.Models;

[HasOne(typeof(Profile))]
[HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
public partial class User
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
}

[BelongsTo(typeof(User), As = "Author")]
[HasMany(typeof(Comment))]
public partial class Post
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "draft";
}

public partial class Profile
{
    public int Id { get; set; }
    public string Bio { get; set; } = "";
}

/// <summary>A declared, non-nullable foreign key: unlinking a comment deletes it; deleting a post cascades.</summary>
[BelongsTo(typeof(Post))]
public partial class Comment
{
    public int Id { get; set; }
    public string Body { get; set; } = "";
    public int PostId { get; set; }
}

/// <summary>Two associations to one target, distinguished by alias.</summary>
[BelongsTo(typeof(Team), As = "HomeTeam")]
[BelongsTo(typeof(Team), As = "AwayTeam")]
public partial class Game
{
    public int Id { get; set; }
    public string Venue { get; set; } = "";
}

[HasMany(typeof(Game), As = "HomeGames", ForeignKey = "HomeTeamId")]
[HasMany(typeof(Game), As = "AwayGames", ForeignKey = "AwayTeamId")]
[HasMany(typeof(Player))]
public partial class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

[BelongsTo(typeof(Team))]
public partial class Player
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Self-association: Person.HasOne(Person, As = "Father") adds Person.FatherId.</summary>
[HasOne(typeof(Person), As = "Father")]
public partial class Person
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>ON DELETE RESTRICT: a department with employees cannot be deleted.</summary>
[HasMany(typeof(Employee), OnDelete = ReferentialAction.Restrict)]
public partial class Department
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public partial class Employee
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A non-primary source key (unique), so ON UPDATE CASCADE can be observed.</summary>
[HasMany(typeof(City), SourceKey = "Code")]
public partial class Country
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
}

public partial class City
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public enum Mood { Calm = 1, Busy = 2 }

public enum Size : uint { Small = 1, Huge = 4_000_000_000 }

/// <summary>Every storable type, with explicit table and column names and a client-side Guid key.</summary>
[Model(Underscored = true)]
[Table("all_types")]
public partial class Sample
{
    [Key]
    [DatabaseGenerated(DatabaseGeneratedOption.None)]
    public Guid Key { get; set; }
    public int Count { get; set; }
    public long Big { get; set; }
    public string Text { get; set; } = "";
    public string? MaybeText { get; set; }
    public bool Flag { get; set; }
    public decimal Price { get; set; }
    public double Ratio { get; set; }
    public DateTime When { get; set; }
    public DateTimeOffset At { get; set; }
    public byte[]? Blob { get; set; }
    public Mood Mood { get; set; }
    public int? MaybeCount { get; set; }
    public TimeSpan Duration { get; set; }
    public uint Unsigned { get; set; }
    public ulong? MaybeHuge { get; set; }
    public char Initial { get; set; }
    public Size Size { get; set; }
    public TimeSpan? MaybeDuration { get; set; }
    [Column("renamed")]
    public string Original { get; set; } = "";
    [NotMapped]
    public string Ignored { get; set; } = "";
}
