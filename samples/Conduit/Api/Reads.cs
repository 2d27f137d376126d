using System.Data.Common;
using System.Security.Claims;
using Associations;

namespace Conduit;

/// <summary>
/// The reads every article and comment response shares. Each is one statement for the rows (author JOINed, counts as
/// correlated sub-queries, the total as <c>COUNT(*) OVER ()</c>) plus one for the tags of all of them — whatever the page size.
/// </summary>
public static class Reads
{
    /// <summary>The columns of a profile (no email, no password hash), and whether <paramref name="me"/> follows it:
    /// <c>WithFollowersCount</c> filtered on <paramref name="me"/> is 1 or 0 (anonymous: not read, so false).</summary>
    public static Query<User> AsProfile(this Query<User> users, int? me)
    {
        users = users.Select(User.Columns.Username, User.Columns.Bio, User.Columns.Image);
        return me is int id ? users.WithFollowersCount(f => f.Where(User.Columns.Id == id)) : users;
    }

    /// <summary>
    /// What an article response needs: the author as a profile (a JOIN), the tags in name order (one more statement for all
    /// articles), <c>favoritesCount</c> (<c>WithFavoritedByCount</c>) and <c>favorited</c> (<c>WithFavoritesCount</c> on the
    /// junction rows of <paramref name="me"/>). Lists leave the body out (<c>Select</c>).
    /// </summary>
    public static Query<Article> ForResponse(this Query<Article> articles, int? me, bool withBody)
    {
        if (!withBody)
            articles = articles.Select(Article.Columns.Slug, Article.Columns.Title, Article.Columns.Description,
                Article.Columns.CreatedAt, Article.Columns.UpdatedAt);
        articles = articles
            .IncludeAuthor(a => a.AsProfile(me))
            .IncludeTags(t => t.OrderBy(Tag.Columns.Name))
            .WithFavoritedByCount();
        return me is int id ? articles.WithFavoritesCount(f => f.Where(Favorite.Columns.UserId == id)) : articles;
    }

    /// <summary>Most recent first (the id breaks ties), one page, with the total.</summary>
    public static async Task<IResult> PageAsync(Query<Article> articles, int? me, int? limit, int? offset, CancellationToken ct)
    {
        if (limit is < 1) return Errors.Unprocessable("limit must be at least 1");
        if (offset is < 0) return Errors.Unprocessable("offset must be 0 or more");
        var (rows, total) = await articles
            .OrderByDescending(Article.Columns.CreatedAt).OrderByDescending(Article.Columns.Id)
            .Offset(offset ?? 0).Limit(limit ?? 20)
            .ForResponse(me, withBody: false)
            .ToListAndCountAsync(ct);
        return Results.Ok(new MultipleArticlesResponse(rows.Select(a => Map.Article(a, withBody: false)).ToList(), total));
    }

    /// <summary>One article by slug, for its response (two statements), or null.</summary>
    public static Task<Article?> ArticleAsync(DbSession db, string slug, int? me, CancellationToken ct) =>
        db.Query<Article>().Where(Article.Columns.Slug == slug).ForResponse(me, withBody: true).FirstOrDefaultAsync(ct);

    /// <summary>The signed-in user's row (writes need it: a token may outlive its user), or null.</summary>
    public static async Task<User?> CurrentUserAsync(DbSession db, ClaimsPrincipal principal, CancellationToken ct) =>
        principal.UserId() is int id ? await db.FindAsync<User>(id, ct) : null;

    /// <summary>Whether <paramref name="error"/> is the database refusing a duplicate (a unique index).</summary>
    public static bool IsDuplicate(this DbSession db, AssociationException error) =>
        error.InnerException is DbException inner && db.Dialect.IsUniqueViolation(inner);
}
