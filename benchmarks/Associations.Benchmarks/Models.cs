namespace Associations.Benchmarks;

// The Associations models of the benchmark data set. The ADO.NET and Dapper contenders read into
// these classes too (they are plain classes plus generated members); EF Core has its own (EfModel.cs).

/// <summary>A user: one profile, ten posts.</summary>
[HasOne(typeof(Profile))]
[HasMany(typeof(Post))]
public partial class User
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A post: its author, and three tags through the generated PostTags junction.</summary>
[BelongsTo(typeof(User))]
[BelongsToMany(typeof(Tag), Through = "PostTags")]
public partial class Post
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "draft";
}

/// <summary>A tag (50 of them).</summary>
public partial class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A user's profile (HasOne: the UserId key is on this table).</summary>
public partial class Profile
{
    public int Id { get; set; }
    public string Bio { get; set; } = "";
}
