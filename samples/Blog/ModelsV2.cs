using Associations;

// The second version of the blog's models, for `dotnet run --project samples/Blog -- --upgrade`: the same tables,
// plus what a real application adds on its second day. SyncAsync(new SyncOptions { Alter = true }) moves an
// existing blog.db to this shape without losing a row (see Upgrade.cs and README, "Changing your models").
namespace Blog.V2;

/// <summary>New: <see cref="Website"/> (a nullable column, added to a table that has rows).</summary>
[HasOne(typeof(Profile))]
[HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
public partial class User
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Website { get; set; }
}

/// <summary>New: a post may belong to a <see cref="Category"/> (a new table, a CategoryId column, its foreign key and index).</summary>
[BelongsTo(typeof(User), As = "Author")]
[BelongsTo(typeof(Category))]
[HasMany(typeof(Comment))]
[BelongsToMany(typeof(Tag), Through = "PostTags")]
public partial class Post
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "draft";
}

/// <summary>New model.</summary>
[HasMany(typeof(Post))]
public partial class Category
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public partial class Profile
{
    public int Id { get; set; }
    public string Bio { get; set; } = "";
}

[BelongsTo(typeof(Post))]
[BelongsTo(typeof(User), As = "Commenter")]
public partial class Comment
{
    public int Id { get; set; }
    public string Body { get; set; } = "";
    public int PostId { get; set; }
}

[BelongsToMany(typeof(Post), Through = "PostTags")]
public partial class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
