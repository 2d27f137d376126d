namespace Associations.Tests.Models;

/// <summary>Association scopes: one Remarks table shared by images and videos (Sequelize's commentable example).</summary>
[HasMany(typeof(Remark), As = "Remarks", ForeignKey = "CommentableId", Constraints = false, ScopeProperty = "CommentableType", ScopeValue = "image")]
public partial class Image
{
    public int Id { get; set; }
    public string Url { get; set; } = "";
}

[HasMany(typeof(Remark), As = "Remarks", ForeignKey = "CommentableId", Constraints = false, ScopeProperty = "CommentableType", ScopeValue = "video")]
public partial class Video
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
}

public partial class Remark
{
    public int Id { get; set; }
    public string Body { get; set; } = "";
    public string? CommentableType { get; set; }
}
