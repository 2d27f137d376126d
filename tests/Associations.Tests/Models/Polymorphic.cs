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

/// <summary>A polymorphic many-to-many: photos and articles share one Labelings junction, told apart by LabelableType.</summary>
[BelongsToMany(typeof(Sticker), Through = typeof(Labeling), As = "Stickers", ForeignKey = "LabelableId", OtherKey = "LabelId",
    Constraints = false, ScopeProperty = "LabelableType", ScopeValue = "photo")]
public partial class Photo
{
    public int Id { get; set; }
}

[BelongsToMany(typeof(Sticker), Through = typeof(Labeling), As = "Stickers", ForeignKey = "LabelableId", OtherKey = "LabelId",
    Constraints = false, ScopeProperty = "LabelableType", ScopeValue = "story")]
public partial class Story
{
    public int Id { get; set; }
}

public partial class Sticker
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public partial class Labeling
{
    public int LabelableId { get; set; }
    public int LabelId { get; set; }
    public string LabelableType { get; set; } = "";
}
