using Associations;

namespace Conduit;

/// <summary>
/// A user of Conduit: writes articles, follows other users (a self many-to-many through <see cref="Follows"/>),
/// favorites articles (a many-to-many through the <see cref="Favorite"/> model).
/// </summary>
[Timestamps]
[HasMany(typeof(Article), As = "Articles", ForeignKey = "AuthorId")]
[BelongsToMany(typeof(User), As = "Followers", Through = "Follows", ForeignKey = "FolloweeId", OtherKey = "FollowerId")]
[BelongsToMany(typeof(User), As = "Followees", Through = "Follows", ForeignKey = "FollowerId", OtherKey = "FolloweeId")]
[BelongsToMany(typeof(Article), As = "Favorites", Through = typeof(Favorite))]
public partial class User
{
    public int Id { get; set; }

    public string Username { get; set; } = "";

    public string Email { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public string Bio { get; set; } = "";

    public string? Image { get; set; }
}

/// <summary>An article: its author (BelongsTo), tags (many-to-many), the users who favorited it, its comments.</summary>
[Timestamps]
[BelongsTo(typeof(User), As = "Author")]
[BelongsToMany(typeof(Tag), Through = "ArticleTags")]
[BelongsToMany(typeof(User), As = "FavoritedBy", Singular = "FavoritedBy", Through = typeof(Favorite))]
[HasMany(typeof(Favorite), As = "Favorites")]
[HasMany(typeof(Comment))]
public partial class Article
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Body { get; set; } = "";

    public int AuthorId { get; set; }
}

/// <summary>The junction of favorites: one row per (user, article).</summary>
public partial class Favorite
{
    public int UserId { get; set; }

    public int ArticleId { get; set; }
}

/// <summary>A tag; its articles through the generated ArticleTags junction.</summary>
[BelongsToMany(typeof(Article), Through = "ArticleTags")]
public partial class Tag
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>A comment on an article, by an author.</summary>
[Timestamps]
[BelongsTo(typeof(Article))]
[BelongsTo(typeof(User), As = "Author")]
public partial class Comment
{
    public int Id { get; set; }

    public string Body { get; set; } = "";

    public int ArticleId { get; set; }

    public int AuthorId { get; set; }
}
