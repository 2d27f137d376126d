using Associations;

namespace Blog;

/// <summary>A writer: one profile, many posts (called articles here).</summary>
[HasOne(typeof(Profile))]
[HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
public partial class User
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A post belongs to its author (the same AuthorId column) and has comments.</summary>
[BelongsTo(typeof(User), As = "Author")]
[HasMany(typeof(Comment))]
[BelongsToMany(typeof(Tag), Through = "PostTags")]
public partial class Post
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "draft";

    /// <summary>A named scope: db.Query&lt;Post&gt;().Published().</summary>
    [Scope] static Query<Post> Published(Query<Post> q) => q.Where(Columns.Status == "published");
}

public partial class Profile
{
    public int Id { get; set; }
    public string Bio { get; set; } = "";
}

/// <summary>A comment cannot exist without its post: PostId is not nullable, so deleting a post deletes its comments.</summary>
[BelongsTo(typeof(Post))]
[BelongsTo(typeof(User), As = "Commenter")]
public partial class Comment : IBeforeInsert
{
    public int Id { get; set; }
    public string Body { get; set; } = "";
    public int PostId { get; set; }

    /// <summary>A hook: runs on every insert path (InsertAsync, CreateCommentAsync, …) inside its transaction.</summary>
    public Task OnBeforeInsertAsync(DbSession db, CancellationToken ct)
    {
        Body = Body.Trim();
        return Body.Length == 0 ? throw new InvalidOperationException("A comment needs a body.") : Task.CompletedTask;
    }
}

/// <summary>Tags and posts: many-to-many through a generated junction class and table, PostTags.</summary>
[BelongsToMany(typeof(Post), Through = "PostTags")]
public partial class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
