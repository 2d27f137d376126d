using System.Net;
using Conduit.Tests.Infrastructure;

namespace Conduit.Tests;

/// <summary>POST/DELETE /articles/{slug}/favorite, GET/POST /articles/{slug}/comments, DELETE …/comments/{id}, GET /tags.</summary>
public class FavoritesCommentsTagsTests
{
    [Theory, Sqlite, Postgres]
    public async Task Favorite_and_unfavorite_count_per_article_and_flag_per_reader(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var jane = await app.Register("jane");
        var slug = await app.Write(jake, "Loved");

        var one = await app.Client(jake).Post($"articles/{slug}/favorite");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal((true, 1), (one.Body["article"]!["favorited"]!.GetValue<bool>(), one.Body["article"]!["favoritesCount"]!.GetValue<int>()));
        Assert.Equal("The body of Loved.", one.Body["article"]!.Str("body"));
        Assert.Equal(1, (await app.Client(jake).Post($"articles/{slug}/favorite")).Body["article"]!["favoritesCount"]!.GetValue<int>()); // again: no-op
        var two = await app.Client(jane).Post($"articles/{slug}/favorite");
        Assert.Equal((true, 2), (two.Body["article"]!["favorited"]!.GetValue<bool>(), two.Body["article"]!["favoritesCount"]!.GetValue<int>()));
        Assert.Equal(2, await app.Count("Favorites"));
        var seen = (await app.Client().Get($"articles/{slug}")).Body["article"]!;
        Assert.Equal((false, 2), (seen["favorited"]!.GetValue<bool>(), seen["favoritesCount"]!.GetValue<int>()));

        var undone = await app.Client(jake).Delete($"articles/{slug}/favorite");
        Assert.Equal(HttpStatusCode.OK, undone.Status);
        Assert.Equal((false, 1), (undone.Body["article"]!["favorited"]!.GetValue<bool>(), undone.Body["article"]!["favoritesCount"]!.GetValue<int>()));
        Assert.Equal(1, await app.Count("Favorites"));

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jake).Post("articles/nothing/favorite")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jake).Delete("articles/nothing/favorite")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Post($"articles/{slug}/favorite")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Delete($"articles/{slug}/favorite")).Status);
    }

    [Theory, Sqlite, Postgres]
    public async Task Comments_are_added_listed_and_deleted_by_their_author(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var jane = await app.Register("jane");
        var slug = await app.Write(jake, "Discussed");
        var other = await app.Write(jake, "Other");

        var created = await app.Client(jane).Post($"articles/{slug}/comments", new { comment = new { body = "His name was my name too." } });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var comment = created.Body["comment"]!;
        Assert.Equal(("His name was my name too.", "jane"), (comment.Str("body"), comment["author"]!.Str("username")));
        Assert.Equal(comment.Str("createdAt"), comment.Str("updatedAt"));
        var firstId = comment["id"]!.GetValue<int>();
        var secondId = (await app.Client(jake).Post($"articles/{slug}/comments", new { comment = new { body = "Thanks" } })).Body["comment"]!["id"]!.GetValue<int>();
        Assert.Equal(2, await app.Count("Comments", $"\"ArticleId\" = (SELECT \"Id\" FROM \"Articles\" WHERE \"Slug\" = '{slug}')"));

        var list = await app.Client().Get($"articles/{slug}/comments");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal([secondId, firstId], list.Body["comments"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()));
        Assert.All(list.Body["comments"]!.AsArray(), c => Assert.False(c!["author"]!["following"]!.GetValue<bool>()));
        await app.Client(jake).Post("profiles/jane/follow");
        var asJake = await app.Client(jake).Get($"articles/{slug}/comments");
        Assert.Equal([false, true], asJake.Body["comments"]!.AsArray().Select(c => c!["author"]!["following"]!.GetValue<bool>()));
        Assert.Empty((await app.Client().Get($"articles/{other}/comments")).Body["comments"]!.AsArray());

        // Errors: 422 empty body, 404 unknown article or comment, 403 someone else's comment, 401 anonymous.
        Assert.Equal(["body can't be empty"], (await app.Client(jane).Post($"articles/{slug}/comments", new { comment = new { body = "" } })).Errors);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jane).Post("articles/nothing/comments", new { comment = new { body = "x" } })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Post($"articles/{slug}/comments", new { comment = new { body = "x" } })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().Get("articles/nothing/comments")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client(jake).Delete($"articles/{slug}/comments/{firstId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jane).Delete($"articles/{other}/comments/{firstId}")).Status); // not this article's
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jane).Delete($"articles/{slug}/comments/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jane).Delete($"articles/nothing/comments/{firstId}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Delete($"articles/{slug}/comments/{firstId}")).Status);
        Assert.Equal(2, await app.Count("Comments"));

        var deleted = await app.Client(jane).Delete($"articles/{slug}/comments/{firstId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal([secondId], (await app.Client().Get($"articles/{slug}/comments")).Body["comments"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()));
        Assert.Equal(0, await app.Count("Comments", $"\"Id\" = {firstId}"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Tags_lists_the_tags_in_use_once_by_name(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var empty = await app.Client().Get("tags");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Empty(empty.Body["tags"]!.AsArray());
        var jake = await app.Register("jake");
        await app.Write(jake, "One", "reactjs", "angularjs");
        await app.Write(jake, "Two", "angularjs", "dragons");
        Assert.Equal(["angularjs", "dragons", "reactjs"], (await app.Client().Get("tags")).Body["tags"].Strings());
    }
}
