using System.Security.Claims;
using Associations;

namespace Conduit;

/// <summary>Comments of an article (HasMany <c>Comments</c>; each BelongsTo its <c>Author</c>).</summary>
public static class CommentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/articles/{slug}/comments", List);
        api.MapPost("/articles/{slug}/comments", Create).RequireAuthorization();
        api.MapDelete("/articles/{slug}/comments/{id:int}", Delete).RequireAuthorization();
    }

    /// <summary>Two statements: the article (404 when absent), then its comments with their authors JOINed
    /// (<c>IncludeComments(c =&gt; c.IncludeAuthor(…))</c>), newest first.</summary>
    private static async Task<IResult> List(string slug, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var me = principal.UserId();
        var article = await db.Query<Article>().Where(Article.Columns.Slug == slug).Select(Article.Columns.Slug)
            .IncludeComments(c => c.OrderByDescending(Comment.Columns.CreatedAt).OrderByDescending(Comment.Columns.Id)
                .IncludeAuthor(a => a.AsProfile(me)))
            .FirstOrDefaultAsync(ct);
        if (article is null) return ArticlesApi.ArticleNotFound(slug);
        return Results.Ok(new MultipleCommentsResponse(article.Comments!.Select(Conduit.Map.Comment).ToList()));
    }

    /// <summary><c>CreateCommentAsync</c>: the comment inserted with its ArticleId set. The spec answers 200.</summary>
    private static async Task<IResult> Create(string slug, NewCommentRequest? request, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var me = await Reads.CurrentUserAsync(db, principal, ct);
        if (me is null) return Errors.Unauthorized("the user of this token no longer exists");
        var missing = Errors.Required(("body", request?.Comment?.Body));
        if (missing.Length > 0) return Errors.Unprocessable(missing);
        var article = await db.Query<Article>().Where(Article.Columns.Slug == slug).Select(Article.Columns.Slug).FirstOrDefaultAsync(ct);
        if (article is null) return ArticlesApi.ArticleNotFound(slug);
        var comment = await article.CreateCommentAsync(db, new Comment { Body = request!.Comment!.Body!, AuthorId = me.Id }, ct);
        comment.Author = me;
        return Results.Ok(new SingleCommentResponse(Conduit.Map.Comment(comment)));
    }

    /// <summary>Only the comment's author may delete it (403); an unknown article or a comment of another article is 404.</summary>
    private static async Task<IResult> Delete(string slug, int id, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var comment = await db.Query<Comment>().Where(Comment.Columns.Id == id)
            .WhereHasArticle(a => a.Where(Article.Columns.Slug == slug)).FirstOrDefaultAsync(ct);
        if (comment is null)
        {
            return await db.Query<Article>().Where(Article.Columns.Slug == slug).AnyAsync(ct)
                ? Errors.NotFound($"comment {id} not found")
                : ArticlesApi.ArticleNotFound(slug);
        }
        if (comment.AuthorId != principal.UserId()) return Errors.Forbidden("only the author can delete this comment");
        await db.DeleteAsync(comment, ct);
        return Results.NoContent();
    }
}
