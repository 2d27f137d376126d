using System.Globalization;
using System.Text.Json.Serialization;

namespace Conduit;

// Requests: every field nullable, so a missing one is a 422 with a message, not a binding failure.
public sealed record NewUser(string? Username, string? Email, string? Password);
public sealed record NewUserRequest(NewUser? User);
public sealed record LoginUser(string? Email, string? Password);
public sealed record LoginUserRequest(LoginUser? User);
public sealed record UpdateUser(string? Email, string? Username, string? Password, string? Bio, string? Image);
public sealed record UpdateUserRequest(UpdateUser? User);
public sealed record NewArticle(string? Title, string? Description, string? Body, string[]? TagList);
public sealed record NewArticleRequest(NewArticle? Article);
public sealed record UpdateArticle(string? Title, string? Description, string? Body, string[]? TagList);
public sealed record UpdateArticleRequest(UpdateArticle? Article);
public sealed record NewComment(string? Body);
public sealed record NewCommentRequest(NewComment? Comment);

// Responses, as the spec's schemas name them.
public sealed record UserDto(string Email, string Token, string Username, string Bio, string? Image);
public sealed record UserResponse(UserDto User);
public sealed record ProfileDto(string Username, string Bio, string? Image, bool Following);
public sealed record ProfileResponse(ProfileDto Profile);

/// <summary>An article; lists leave out <see cref="Body"/> (the spec's MultipleArticlesResponse has none).</summary>
public sealed record ArticleDto(
    string Slug,
    string Title,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body,
    IReadOnlyList<string> TagList,
    string CreatedAt,
    string UpdatedAt,
    bool Favorited,
    int FavoritesCount,
    ProfileDto Author);

public sealed record SingleArticleResponse(ArticleDto Article);
public sealed record MultipleArticlesResponse(IReadOnlyList<ArticleDto> Articles, int ArticlesCount);
public sealed record CommentDto(int Id, string CreatedAt, string UpdatedAt, string Body, ProfileDto Author);
public sealed record SingleCommentResponse(CommentDto Comment);
public sealed record MultipleCommentsResponse(IReadOnlyList<CommentDto> Comments);
public sealed record TagsResponse(IReadOnlyList<string> Tags);

/// <summary>Rows to responses. Counts and flags come from the generated <c>…Count</c> properties the queries filled.</summary>
public static class Map
{
    /// <summary>ISO 8601 in UTC with milliseconds always written (the RealWorld test collection expects a fraction).</summary>
    public static string Timestamp(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static UserDto User(User user, string token) => new(user.Email, token, user.Username, user.Bio, user.Image);

    /// <summary>A profile; <c>following</c> is the <c>FollowersCount</c> that <c>WithFollowersCount(me)</c> read (0 or 1).</summary>
    public static ProfileDto Profile(User user) => new(user.Username, user.Bio, user.Image, user.FollowersCount > 0);

    public static ArticleDto Article(Article article, bool withBody) => new(
        article.Slug,
        article.Title,
        article.Description,
        withBody ? article.Body : null,
        article.Tags?.Select(t => t.Name).ToArray() ?? [],
        Timestamp(article.CreatedAt),
        Timestamp(article.UpdatedAt),
        article.FavoritesCount > 0,
        article.FavoritedByCount ?? 0,
        Profile(article.Author ?? throw new InvalidOperationException($"Article {article.Slug} was read without its author.")));

    public static CommentDto Comment(Comment comment) => new(
        comment.Id, Timestamp(comment.CreatedAt), Timestamp(comment.UpdatedAt), comment.Body,
        Profile(comment.Author ?? throw new InvalidOperationException($"Comment {comment.Id} was read without its author.")));
}
