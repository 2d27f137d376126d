using Associations;

namespace Conduit;

public static class TagsApi
{
    /// <summary>Tags in use (<c>WhereHasArticles</c>: a tag whose articles were all deleted is not listed), by name. One statement.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tags", async (DbSession db, CancellationToken ct) =>
        {
            var tags = await db.Query<Tag>().WhereHasArticles().OrderBy(Tag.Columns.Name).ToListAsync(ct);
            return Results.Ok(new TagsResponse(tags.Select(t => t.Name).ToList()));
        });
}
