using System.Net;
using System.Text.RegularExpressions;
using Conduit.Tests.Infrastructure;

namespace Conduit.Tests;

/// <summary>POST, GET, PUT, DELETE /articles(/{slug}), GET /articles with its filters and paging, GET /articles/feed.</summary>
public class ArticlesTests
{
    private static readonly Regex Iso8601 = new(@"^\d{4,}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d.\d+(?:[+-][0-2]\d:[0-5]\d|Z)$");

    [Theory, Sqlite, Postgres]
    public async Task Create_returns_the_article_with_slug_sorted_tags_and_author(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var reply = await app.Client(jake).Post("articles", new
        {
            article = new { title = "How to train your dragon", description = "Ever wonder how?", body = "Very carefully.", tagList = new[] { "training", "dragons" } },
        });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var article = reply.Body["article"]!;
        Assert.Equal("how-to-train-your-dragon", article.Str("slug"));
        Assert.Equal(("How to train your dragon", "Ever wonder how?", "Very carefully."), (article.Str("title"), article.Str("description"), article.Str("body")));
        Assert.Equal(["dragons", "training"], article["tagList"].Strings());
        Assert.Matches(Iso8601, article.Str("createdAt"));
        Assert.Equal(article.Str("createdAt"), article.Str("updatedAt"));
        Assert.False(article["favorited"]!.GetValue<bool>());
        Assert.Equal(0, article["favoritesCount"]!.GetValue<int>());
        Assert.Equal(("jake", false), (article["author"]!.Str("username"), article["author"]!["following"]!.GetValue<bool>()));
        // In the database: the row, two tags, two links.
        Assert.Equal(1, await app.Count("Articles", "\"Slug\" = 'how-to-train-your-dragon'"));
        Assert.Equal(2, await app.Count("Tags"));
        Assert.Equal(2, await app.Count("ArticleTags"));

        // The same title again: another slug; an existing tag is reused, not duplicated.
        var again = await app.Client(jake).Post("articles", new { article = new { title = "How to train your dragon", description = "d", body = "b", tagList = new[] { "dragons", "dragons", "new" } } });
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.StartsWith("how-to-train-your-dragon-", again.Body["article"]!.Str("slug"));
        Assert.Equal(["dragons", "new"], again.Body["article"]!["tagList"].Strings());
        Assert.Equal(3, await app.Count("Tags"));
        Assert.Equal(4, await app.Count("ArticleTags"));
        // Without tags.
        var plain = await app.Client(jake).Post("articles", new { article = new { title = "Plain", description = "d", body = "b" } });
        Assert.Empty(plain.Body["article"]!["tagList"]!.AsArray());
    }

    [Theory, Sqlite, Postgres]
    public async Task Create_refuses_422_and_401(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var missing = await app.Client(jake).Post("articles", new { article = new { title = "T" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.Status);
        Assert.Equal(["description can't be empty", "body can't be empty"], missing.Errors);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.Client(jake).Post("articles", new { article = new { title = "T", description = "d", body = "b", tagList = new[] { " " } } })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.Client(jake).Post("articles")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Post("articles", new { article = new { title = "T", description = "d", body = "b" } })).Status);
        Assert.Equal(0, await app.Count("Articles"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Get_one_article_by_slug_or_404(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var slug = await app.Write(jake, "Dragons", "dragons");
        var reply = await app.Client().Get($"articles/{slug}");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("The body of Dragons.", reply.Body["article"]!.Str("body"));
        Assert.Equal(["dragons"], reply.Body["article"]!["tagList"].Strings());
        var missing = await app.Client().Get("articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Single(missing.Errors);
    }

    [Theory, Sqlite, Postgres]
    public async Task List_is_most_recent_first_with_total_filters_and_paging(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var jane = await app.Register("jane");
        var a1 = await app.Write(jake, "One", "dragons", "training");
        var a2 = await app.Write(jane, "Two", "dragons");
        var a3 = await app.Write(jake, "Three");
        await app.Client(jane).Post($"articles/{a1}/favorite");
        var anonymous = app.Client();

        var all = await anonymous.Get("articles");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal([a3, a2, a1], all.Slugs());
        Assert.Equal(3, all.Body["articlesCount"]!.GetValue<int>());
        var first = all.Body["articles"]![2]!;
        Assert.False(first.AsObject().ContainsKey("body")); // lists carry no body
        Assert.Equal(["dragons", "training"], first["tagList"].Strings());
        Assert.Equal((1, false), (first["favoritesCount"]!.GetValue<int>(), first["favorited"]!.GetValue<bool>()));
        Assert.Matches(Iso8601, first.Str("updatedAt"));

        Assert.Equal([a2, a1], (await anonymous.Get("articles?tag=dragons")).Slugs());
        Assert.Equal([a3, a1], (await anonymous.Get("articles?author=jake")).Slugs());
        Assert.Equal([a1], (await anonymous.Get("articles?favorited=jane")).Slugs());
        Assert.Equal([a1], (await anonymous.Get("articles?tag=dragons&author=jake")).Slugs());
        Assert.Empty((await anonymous.Get("articles?favorited=jake")).Slugs());
        var none = await anonymous.Get("articles?tag=unknown");
        Assert.Equal(0, none.Body["articlesCount"]!.GetValue<int>());

        // Paging: the total stays the number of matches.
        var page = await anonymous.Get("articles?limit=1&offset=1");
        Assert.Equal([a2], page.Slugs());
        Assert.Equal(3, page.Body["articlesCount"]!.GetValue<int>());
        var past = await anonymous.Get("articles?limit=5&offset=10");
        Assert.Empty(past.Slugs());
        Assert.Equal(3, past.Body["articlesCount"]!.GetValue<int>());
        Assert.Equal(2, (await anonymous.Get("articles?tag=dragons&limit=1")).Body["articlesCount"]!.GetValue<int>());

        // Signed in: favorited and following are about the reader.
        await app.Client(jane).Post("profiles/jake/follow");
        var asJane = await app.Client(jane).Get("articles");
        Assert.Equal([true, false, true], asJane.Body["articles"]!.AsArray().Select(a => a!["author"]!["following"]!.GetValue<bool>()));
        Assert.Equal([false, false, true], asJane.Body["articles"]!.AsArray().Select(a => a!["favorited"]!.GetValue<bool>()));
        Assert.All(asJane.Body["articles"]!.AsArray(), a => Assert.False(a!["favorited"]!.GetValue<bool>() && a["favoritesCount"]!.GetValue<int>() == 0));

        // 422 for values out of the spec's range or of the wrong type.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await anonymous.Get("articles?limit=0")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await anonymous.Get("articles?offset=-1")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await anonymous.Get("articles?limit=many")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client("bad").Get("articles")).Status);
    }

    [Theory, Sqlite, Postgres]
    public async Task Feed_lists_articles_of_followed_authors(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var jane = await app.Register("jane");
        var joe = await app.Register("joe");
        var j1 = await app.Write(jane, "Jane one");
        await app.Write(joe, "Joe one");
        var j2 = await app.Write(jane, "Jane two");
        await app.Write(jake, "Mine");
        var reader = app.Client(jake);

        var empty = await reader.Get("articles/feed");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Empty(empty.Slugs());
        Assert.Equal(0, empty.Body["articlesCount"]!.GetValue<int>());

        await reader.Post("profiles/jane/follow");
        var feed = await reader.Get("articles/feed");
        Assert.Equal([j2, j1], feed.Slugs());
        Assert.Equal(2, feed.Body["articlesCount"]!.GetValue<int>());
        Assert.All(feed.Body["articles"]!.AsArray(), a => Assert.True(a!["author"]!["following"]!.GetValue<bool>()));
        var page = await reader.Get("articles/feed?limit=1&offset=1");
        Assert.Equal([j1], page.Slugs());
        Assert.Equal(2, page.Body["articlesCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reader.Get("articles/feed?limit=0")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Get("articles/feed")).Status);
    }

    [Theory, Sqlite, Postgres]
    public async Task Update_by_the_author_changes_fields_and_slug(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var jane = await app.Register("jane");
        var slug = await app.Write(jake, "Old title", "a", "b");
        var created = (await app.Client().Get($"articles/{slug}")).Body["article"]!;

        var body = await app.Client(jake).Put($"articles/{slug}", new { article = new { body = "With two hands" } });
        Assert.Equal(HttpStatusCode.OK, body.Status);
        Assert.Equal(("With two hands", slug), (body.Body["article"]!.Str("body"), body.Body["article"]!.Str("slug")));
        Assert.Equal(created.Str("createdAt"), body.Body["article"]!.Str("createdAt"));
        Assert.True(string.CompareOrdinal(body.Body["article"]!.Str("updatedAt"), created.Str("updatedAt")) >= 0);

        var renamed = await app.Client(jake).Put($"articles/{slug}", new { article = new { title = "Did you train your dragon?", tagList = new[] { "b", "c" } } });
        Assert.Equal("did-you-train-your-dragon", renamed.Body["article"]!.Str("slug"));
        Assert.Equal(["b", "c"], renamed.Body["article"]!["tagList"].Strings());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().Get($"articles/{slug}")).Status);
        Assert.Equal(1, await app.Count("Articles", "\"Slug\" = 'did-you-train-your-dragon' AND \"Body\" = 'With two hands'"));
        Assert.Equal(2, await app.Count("ArticleTags"));

        var newSlug = "did-you-train-your-dragon";
        var forbidden = await app.Client(jane).Put($"articles/{newSlug}", new { article = new { body = "mine now" } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Single(forbidden.Errors);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jake).Put("articles/nothing", new { article = new { body = "x" } })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Put($"articles/{newSlug}", new { article = new { body = "x" } })).Status);
        Assert.Equal(["title can't be empty"], (await app.Client(jake).Put($"articles/{newSlug}", new { article = new { title = "" } })).Errors);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.Client(jake).Put($"articles/{newSlug}", new { article = new { } })).Status);
        Assert.Equal(1, await app.Count("Articles", "\"Body\" = 'With two hands'"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Delete_by_the_author_removes_the_article_and_what_hangs_on_it(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var jane = await app.Register("jane");
        var slug = await app.Write(jake, "Doomed", "lonely");
        await app.Write(jake, "Kept", "kept");
        await app.Client(jane).Post($"articles/{slug}/favorite");
        await app.Client(jane).Post($"articles/{slug}/comments", new { comment = new { body = "Nice" } });

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client(jane).Delete($"articles/{slug}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Delete($"articles/{slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jake).Delete("articles/nothing")).Status);
        var deleted = await app.Client(jake).Delete($"articles/{slug}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Null(deleted.Json);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().Get($"articles/{slug}")).Status);
        Assert.Equal((1L, 0L, 0L, 1L), (await app.Count("Articles"), await app.Count("Comments"), await app.Count("Favorites"), await app.Count("ArticleTags")));
        Assert.Equal(["kept"], (await app.Client().Get("tags")).Body["tags"].Strings()); // a tag no article uses is not listed
    }
}
