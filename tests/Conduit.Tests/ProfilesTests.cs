using System.Net;
using Conduit.Tests.Infrastructure;

namespace Conduit.Tests;

/// <summary>GET /profiles/{username}, POST and DELETE /profiles/{username}/follow.</summary>
public class ProfilesTests
{
    [Theory, Sqlite, Postgres]
    public async Task Follow_and_unfollow_change_following_and_the_junction_row(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        await app.Register("celeb");
        var client = app.Client(jake);

        var profile = await app.Client().Get("profiles/celeb");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Equal(("celeb", "", false), (profile.Body["profile"]!.Str("username"), profile.Body["profile"]!.Str("bio"), profile.Body["profile"]!["following"]!.GetValue<bool>()));
        Assert.Null(profile.Body["profile"]!["image"]);

        var followed = await client.Post("profiles/celeb/follow");
        Assert.Equal(HttpStatusCode.OK, followed.Status);
        Assert.True(followed.Body["profile"]!["following"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await client.Post("profiles/celeb/follow")).Status); // again: no second row
        Assert.Equal(1, await app.Count("Follows"));
        Assert.True((await client.Get("profiles/celeb")).Body["profile"]!["following"]!.GetValue<bool>());
        Assert.False((await app.Client().Get("profiles/celeb")).Body["profile"]!["following"]!.GetValue<bool>());
        Assert.False((await app.Client(await app.Register("other")).Get("profiles/celeb")).Body["profile"]!["following"]!.GetValue<bool>());
        Assert.False((await app.Client(await app.Register("celebfan")).Get("profiles/jake")).Body["profile"]!["following"]!.GetValue<bool>());

        var unfollowed = await client.Delete("profiles/celeb/follow");
        Assert.Equal(HttpStatusCode.OK, unfollowed.Status);
        Assert.False(unfollowed.Body["profile"]!["following"]!.GetValue<bool>());
        Assert.Equal(0, await app.Count("Follows"));
        Assert.False((await client.Get("profiles/celeb")).Body["profile"]!["following"]!.GetValue<bool>());
    }

    [Theory, Sqlite, Postgres]
    public async Task Profiles_answer_404_401_and_422(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var jake = await app.Register("jake");
        var missing = await app.Client().Get("profiles/nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Single(missing.Errors);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jake).Post("profiles/nobody/follow")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(jake).Delete("profiles/nobody/follow")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Post("profiles/jake/follow")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Delete("profiles/jake/follow")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client("bad.token.here").Get("profiles/jake")).Status); // a bad token is refused where auth is optional too
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.Client(jake).Post("profiles/jake/follow")).Status);
        Assert.Equal(0, await app.Count("Follows"));
    }
}
