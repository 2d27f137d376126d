using System.Net;
using System.Text.Json.Nodes;

namespace Conduit.Tests.Infrastructure;

/// <summary>Short steps the tests share: register a user, write an article, as the spec's request bodies say.</summary>
public static class Api
{
    /// <summary>Registers <paramref name="username"/> (email <c>{username}@example.com</c>, password <c>{username}-pass</c>); returns the token.</summary>
    public static async Task<string> Register(this ConduitApp app, string username)
    {
        var reply = await app.Client().Post("users", new { user = new { username, email = $"{username}@example.com", password = $"{username}-pass" } });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return reply.Body["user"]!.Str("token");
    }

    /// <summary>Writes an article as the owner of <paramref name="token"/>; returns its slug.</summary>
    public static async Task<string> Write(this ConduitApp app, string token, string title, params string[] tags)
    {
        var reply = await app.Client(token).Post("articles",
            new { article = new { title, description = $"About {title}", body = $"The body of {title}.", tagList = tags } });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return reply.Body["article"]!.Str("slug");
    }

    public static string[] Slugs(this Reply reply) => reply.Body["articles"]!.AsArray().Select(a => a!.Str("slug")).ToArray();

    public static string[] Strings(this JsonNode? array) => array!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
}
