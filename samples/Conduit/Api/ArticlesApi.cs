using System.Security.Claims;
using Associations;

namespace Conduit;

/// <summary>Articles: lists (filters, feed), one article, create/update/delete, favorites.</summary>
public static class ArticlesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/articles", List);
        api.MapGet("/articles/feed", Feed).RequireAuthorization();
        api.MapGet("/articles/{slug}", Get);
        api.MapPost("/articles", Create).RequireAuthorization();
        api.MapPut("/articles/{slug}", Update).RequireAuthorization();
        api.MapDelete("/articles/{slug}", Delete).RequireAuthorization();
        api.MapPost("/articles/{slug}/favorite", Favorite).RequireAuthorization();
        api.MapDelete("/articles/{slug}/favorite", Unfavorite).RequireAuthorization();
    }

    /// <summary>
    /// <c>?tag=&amp;author=&amp;favorited=</c> are <c>WhereHasTags</c>, <c>WhereHasAuthor</c> and <c>WhereHasFavoritedBy</c>: EXISTS
    /// sub-queries in the one statement that reads the page and its total.
    /// </summary>
    private static Task<IResult> List(string? tag, string? author, string? favorited, int? limit, int? offset,
        ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var articles = db.Query<Article>();
        if (!string.IsNullOrEmpty(tag)) articles = articles.WhereHasTags(t => t.Where(Tag.Columns.Name == tag));
        if (!string.IsNullOrEmpty(author)) articles = articles.WhereHasAuthor(u => u.Where(User.Columns.Username == author));
        if (!string.IsNullOrEmpty(favorited)) articles = articles.WhereHasFavoritedBy(u => u.Where(User.Columns.Username == favorited));
        return Reads.PageAsync(articles, principal.UserId(), limit, offset, ct);
    }

    /// <summary>Articles whose author has me among their followers: <c>WhereHasAuthor(a =&gt; a.WhereHasFollowers(me))</c>.</summary>
    private static Task<IResult> Feed(int? limit, int? offset, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var me = principal.UserId()!.Value;
        var articles = db.Query<Article>().WhereHasAuthor(a => a.WhereHasFollowers(f => f.Where(User.Columns.Id == me)));
        return Reads.PageAsync(articles, me, limit, offset, ct);
    }

    private static async Task<IResult> Get(string slug, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var article = await Reads.ArticleAsync(db, slug, principal.UserId(), ct);
        return article is null ? ArticleNotFound(slug) : Single(article);
    }

    /// <summary>
    /// A graph insert: the article with its <c>Tags</c> navigation holding the tags that exist (linked) and new ones (inserted,
    /// then linked), all in one transaction.
    /// </summary>
    private static async Task<IResult> Create(NewArticleRequest? request, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var me = await Reads.CurrentUserAsync(db, principal, ct);
        if (me is null) return Errors.Unauthorized("the user of this token no longer exists");
        var input = request?.Article;
        var missing = Errors.Required(("title", input?.Title), ("description", input?.Description), ("body", input?.Body));
        if (missing.Length > 0) return Errors.Unprocessable(missing);
        var names = TagNames(input!.TagList);
        if (names is null) return Errors.Unprocessable("tagList can't contain empty tags");
        var slug = Slugs.From(input.Title!);
        if (await db.Query<Article>().Where(Article.Columns.Slug == slug).AnyAsync(ct)) slug = Slugs.WithSuffix(slug);
        for (var attempt = 0; ; attempt++)
        {
            var article = new Article
            {
                Slug = slug, Title = input.Title!.Trim(), Description = input.Description!.Trim(), Body = input.Body!, AuthorId = me.Id,
                Tags = await TagsAsync(db, names, ct),
            };
            try
            {
                await db.InsertAsync(article, ct);
            }
            catch (AssociationException error) when (db.IsDuplicate(error) && attempt < 3)
            {
                // Another request took the slug or created one of the tags just now: the graph was rolled back whole; again.
                slug = Slugs.WithSuffix(Slugs.From(input.Title!));
                continue;
            }
            article.Author = me;
            article.Tags = article.Tags!.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            article.FavoritedByCount = 0;
            return Results.Json(new SingleArticleResponse(Conduit.Map.Article(article, withBody: true)), statusCode: StatusCodes.Status201Created);
        }
    }

    /// <summary>Title (and with it the slug), description, body; <c>tagList</c> too (not in the spec's UpdateArticle, accepted as a
    /// convenience: <c>SetTagsAsync</c> replaces the set atomically).</summary>
    private static async Task<IResult> Update(string slug, UpdateArticleRequest? request, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var (owned, refusal) = await OwnArticleAsync(db, slug, principal, ct);
        if (refusal is not null) return refusal;
        var article = owned!;
        var input = request?.Article;
        if (input is null || (input.Title, input.Description, input.Body, input.TagList) == (null, null, null, null))
            return Errors.Unprocessable("article must have at least one field to update");
        var blank = Errors.Blank(("title", input.Title), ("description", input.Description), ("body", input.Body));
        if (blank.Length > 0) return Errors.Unprocessable(blank);
        var names = TagNames(input.TagList);
        if (names is null) return Errors.Unprocessable("tagList can't contain empty tags");
        if (input.Title is not null && input.Title.Trim() != article.Title)
        {
            article.Title = input.Title.Trim();
            var newSlug = Slugs.From(article.Title);
            if (newSlug != article.Slug && await db.Query<Article>().Where(Article.Columns.Slug == newSlug).AnyAsync(ct)) newSlug = Slugs.WithSuffix(newSlug);
            article.Slug = newSlug;
        }
        if (input.Description is not null) article.Description = input.Description.Trim();
        if (input.Body is not null) article.Body = input.Body;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                await db.UpdateAsync(article, ct);
                if (input.TagList is null) return;
                var tags = await TagsAsync(db, names, ct);
                await db.InsertManyAsync(tags.Where(t => t.Id == 0), ct);
                await article.SetTagsAsync(db, tags, cancellationToken: ct);
            }, ct);
        }
        catch (AssociationException error) when (db.IsDuplicate(error))
        {
            return Errors.Unprocessable("another article took this slug, or created one of these tags, just now; try again");
        }
        return Single((await Reads.ArticleAsync(db, article.Slug, article.AuthorId, ct))!);
    }

    /// <summary>Deleting the article deletes its comments, tag links and favorites (ON DELETE CASCADE).</summary>
    private static async Task<IResult> Delete(string slug, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var (article, refusal) = await OwnArticleAsync(db, slug, principal, ct);
        if (refusal is not null) return refusal;
        await db.DeleteAsync(article!, ct);
        return Results.NoContent();
    }

    private static Task<IResult> Favorite(string slug, ClaimsPrincipal principal, DbSession db, CancellationToken ct) =>
        FavoriteAsync(slug, principal, db, favorite: true, ct);

    private static Task<IResult> Unfavorite(string slug, ClaimsPrincipal principal, DbSession db, CancellationToken ct) =>
        FavoriteAsync(slug, principal, db, favorite: false, ct);

    /// <summary><c>AddFavoriteAsync</c> (a no-op when already a favorite) or <c>RemoveFavoriteAsync</c>, then the article's response.</summary>
    private static async Task<IResult> FavoriteAsync(string slug, ClaimsPrincipal principal, DbSession db, bool favorite, CancellationToken ct)
    {
        var me = await Reads.CurrentUserAsync(db, principal, ct);
        if (me is null) return Errors.Unauthorized("the user of this token no longer exists");
        var article = await db.Query<Article>().Where(Article.Columns.Slug == slug).Select(Article.Columns.Slug).FirstOrDefaultAsync(ct);
        if (article is null) return ArticleNotFound(slug);
        if (favorite) await me.AddFavoriteAsync(db, article, cancellationToken: ct);
        else await me.RemoveFavoriteAsync(db, article, ct);
        return Single((await Reads.ArticleAsync(db, slug, me.Id, ct))!);
    }

    /// <summary>The article, when it exists (404) and the signed-in user wrote it (403).</summary>
    internal static async Task<(Article? Article, IResult? Refusal)> OwnArticleAsync(DbSession db, string slug, ClaimsPrincipal principal, CancellationToken ct)
    {
        var article = await db.Query<Article>().Where(Article.Columns.Slug == slug).FirstOrDefaultAsync(ct);
        if (article is null) return (null, ArticleNotFound(slug));
        if (article.AuthorId != principal.UserId()) return (null, Errors.Forbidden("only the author can change or delete this article"));
        return (article, null);
    }

    internal static IResult ArticleNotFound(string slug) => Errors.NotFound($"article {slug} not found");

    private static IResult Single(Article article) => Results.Ok(new SingleArticleResponse(Conduit.Map.Article(article, withBody: true)));

    /// <summary>Trimmed, distinct tag names; null when one is blank.</summary>
    private static string[]? TagNames(string[]? tagList)
    {
        if (tagList is null) return [];
        if (tagList.Any(string.IsNullOrWhiteSpace)) return null;
        return tagList.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The tags named <paramref name="names"/>: those that exist (one statement) and new, unsaved ones for the rest.</summary>
    private static async Task<List<Tag>> TagsAsync(DbSession db, string[] names, CancellationToken ct)
    {
        if (names.Length == 0) return [];
        var existing = await db.Query<Tag>().Where(Tag.Columns.Name.In(names)).ToListAsync(ct);
        return names.Select(n => existing.FirstOrDefault(t => t.Name == n) ?? new Tag { Name = n }).ToList();
    }
}
