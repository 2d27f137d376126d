using Associations;

namespace Blog;

[HasOne(typeof(Profile))]
[HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
public partial class User
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
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

[BelongsTo(typeof(Post))]
public partial class Comment
{
    public int Id { get; set; }
    public string Body { get; set; } = "";
}
