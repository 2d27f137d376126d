using System.Net;
using Conduit.Tests.Infrastructure;

namespace Conduit.Tests;

/// <summary>
/// No N+1: every list endpoint runs at most two SQL statements per request whatever the page size, counted from the library's
/// own command log. (On SQLite each request's session also runs <c>PRAGMA foreign_keys = ON</c> once when it opens its
/// connection; that is connection set-up, counted apart.)
/// </summary>
public class StatementCountTests
{
    [Theory, Sqlite, Postgres]
    public async Task List_endpoints_run_at_most_two_statements_for_page_sizes_1_and_20(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        string[] names = ["ann", "bob", "cy"];
        var tokens = new Dictionary<string, string>();
        foreach (var name in names) tokens[name] = await app.Register(name);
        // 25 articles by three authors, two tags each, favorites and comments on several; ann follows bob and cy.
        var slugs = new List<string>();
        for (var i = 0; i < 25; i++)
            slugs.Add(await app.Write(tokens[names[i % 3]], $"Article {i}", "common", $"tag{i % 4}"));
        foreach (var slug in slugs.Take(10))
        {
            await app.Client(tokens["bob"]).Post($"articles/{slug}/favorite");
            await app.Client(tokens["cy"]).Post($"articles/{slug}/comments", new { comment = new { body = "Nice" } });
            await app.Client(tokens["ann"]).Post($"articles/{slug}/comments", new { comment = new { body = "Thanks" } });
        }
        await app.Client(tokens["ann"]).Post("profiles/bob/follow");
        await app.Client(tokens["ann"]).Post("profiles/cy/follow");

        var measured = new List<string>();
        foreach (var size in new[] { 1, 20 })
        {
            foreach (var token in new[] { null, tokens["ann"] })
            {
                var client = app.Client(token);
                foreach (var path in new[] { "articles", "articles?tag=common", "articles?author=bob", "articles?favorited=bob", "articles?tag=tag1&author=bob&favorited=bob" })
                    measured.Add(await Measure(app, client, $"{path}{(path.Contains('?') ? '&' : '?')}limit={size}", expectRows: true, statements: 2));
                measured.Add(await Measure(app, client, $"articles?limit={size}&offset=100", expectRows: false, statements: 2)); // an empty page past the end
            }
            measured.Add(await Measure(app, app.Client(tokens["ann"]), $"articles/feed?limit={size}", expectRows: true, statements: 2));
            measured.Add(await Measure(app, app.Client(tokens["ann"]), $"articles/feed?limit={size}&offset=1", expectRows: true, statements: 2));
        }
        foreach (var token in new[] { null, tokens["ann"] })
        {
            measured.Add(await Measure(app, app.Client(token), $"articles/{slugs[0]}", expectRows: false, statements: 2));
            measured.Add(await Measure(app, app.Client(token), $"articles/{slugs[0]}/comments", expectRows: false, statements: 2));
            measured.Add(await Measure(app, app.Client(token), "profiles/bob", expectRows: false, statements: 1));
            measured.Add(await Measure(app, app.Client(token), "tags", expectRows: false, statements: 1));
        }
        Assert.NotEmpty(measured);
    }

    /// <summary>Runs one GET and asserts its statements: at most two, exactly <paramref name="statements"/>, and (for a page with
    /// rows) that the page was as full as it could be, every article with its tags.</summary>
    private static async Task<string> Measure(ConduitApp app, HttpClient client, string path, bool expectRows, int statements)
    {
        app.Statements.Clear();
        var reply = await client.Get(path);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var data = app.Statements.Data;
        Assert.True(data.Count <= 2, $"GET {path} ran {data.Count} statements:\n{string.Join("\n", data)}");
        Assert.True(app.Statements.All.Count - data.Count <= (app.Engine == Engines.Sqlite ? 1 : 0), "only SQLite's connection set-up runs besides them");
        if (expectRows)
        {
            var articles = reply.Body["articles"]!.AsArray();
            var limit = int.Parse(path[(path.IndexOf("limit=", StringComparison.Ordinal) + 6)..].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
            var offset = path.Contains("offset=1", StringComparison.Ordinal) ? 1 : 0;
            Assert.Equal(Math.Min(limit, reply.Body["articlesCount"]!.GetValue<int>() - offset), articles.Count);
            Assert.NotEmpty(articles);
            Assert.All(articles, a => Assert.NotEmpty(a!["tagList"]!.AsArray()));
        }
        Assert.Equal(statements, data.Count); // a page: its rows (author, counts, total) and the tags of all its articles
        return $"{path}: {data.Count}";
    }
}
