using System.Net;
using Conduit.Tests.Infrastructure;

namespace Conduit.Tests;

/// <summary>POST /users, POST /users/login, GET /user, PUT /user — and their 401 and 422 answers.</summary>
public class UsersTests
{
    [Theory, Sqlite, Postgres]
    public async Task Register_returns_the_user_with_a_token_and_stores_a_hashed_password(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var reply = await app.Client().Post("users", new { user = new { username = "jake", email = "jake@jake.jake", password = "jakejake" } });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var user = reply.Body["user"]!;
        Assert.Equal("jake@jake.jake", user.Str("email"));
        Assert.Equal("jake", user.Str("username"));
        Assert.Equal("", user.Str("bio"));
        Assert.True(user.AsObject().ContainsKey("image"));
        Assert.Null(user["image"]);
        Assert.Equal(3, user.Str("token").Split('.').Length); // a JWT
        Assert.Equal(1, await app.Count("Users", "\"Username\" = 'jake' AND \"PasswordHash\" <> 'jakejake' AND \"PasswordHash\" <> ''"));
        // The token works at once.
        var me = await app.Client(user.Str("token")).Get("user");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("jake", me.Body["user"]!.Str("username"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Register_refuses_missing_fields_and_taken_names_with_422(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var client = app.Client();
        var missing = await client.Post("users", new { user = new { username = "", email = "a@b.c" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.Status);
        Assert.Equal(["username can't be empty", "password can't be empty"], missing.Errors);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.Post("users", new { })).Status);
        await app.Register("jake");
        var taken = await client.Post("users", new { user = new { username = "jake", email = "jake@example.com", password = "x" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.Status);
        Assert.Equal(["username has already been taken", "email has already been taken"], taken.Errors);
        var email = await client.Post("users", new { user = new { username = "other", email = "jake@example.com", password = "x" } });
        Assert.Equal(["email has already been taken"], email.Errors);
        var malformed = await client.Send(HttpMethod.Post, "users", raw: "{\"user\":{");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.Status);
        Assert.Single(malformed.Errors);
        Assert.Equal(1, await app.Count("Users"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Login_returns_the_user_or_401_and_422(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        await app.Register("jake");
        var client = app.Client();
        var ok = await client.Post("users/login", new { user = new { email = "jake@example.com", password = "jake-pass" } });
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("jake", ok.Body["user"]!.Str("username"));
        Assert.Equal(HttpStatusCode.OK, (await app.Client(ok.Body["user"]!.Str("token")).Get("user")).Status);
        var wrong = await client.Post("users/login", new { user = new { email = "jake@example.com", password = "nope" } });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(["email or password is invalid"], wrong.Errors);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Post("users/login", new { user = new { email = "who@example.com", password = "x" } })).Status);
        var missing = await client.Post("users/login", new { user = new { email = "jake@example.com" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.Status);
        Assert.Equal(["password can't be empty"], missing.Errors);
    }

    [Theory, Sqlite, Postgres]
    public async Task Current_user_needs_a_valid_token(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var token = await app.Register("jake");
        var me = await app.Client(token).Get("user");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(token, me.Body["user"]!.Str("token"));
        var bearer = app.Client();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.Get("user")).Status);
        var anonymous = await app.Client().Get("user");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Single(anonymous.Errors);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client("not-a-jwt").Get("user")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(token[..^2] + "xx").Get("user")).Status); // signature broken
        // A token whose user is gone.
        await app.Sql(db => db.ExecuteSqlAsync("DELETE FROM \"Users\"", []));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(token).Get("user")).Status);
    }

    [Theory, Sqlite, Postgres]
    public async Task Update_changes_the_given_fields_only(string engine)
    {
        await using var app = await ConduitApp.StartAsync(engine);
        var token = await app.Register("jake");
        await app.Register("taken");
        var client = app.Client(token);
        var reply = await client.Put("user", new { user = new { email = "jake@jake.jake", bio = "I like to skateboard", image = "https://example.com/jake.jpg" } });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var user = reply.Body["user"]!;
        Assert.Equal(("jake@jake.jake", "jake", "I like to skateboard", "https://example.com/jake.jpg"),
            (user.Str("email"), user.Str("username"), user.Str("bio"), user.Str("image")));
        Assert.Equal(1, await app.Count("Users", "\"Email\" = 'jake@jake.jake' AND \"Bio\" = 'I like to skateboard'"));
        // Username and password; the old password stops working, the new token works.
        var renamed = await client.Put("user", new { user = new { username = "jacob", password = "new-pass" } });
        Assert.Equal("jacob", renamed.Body["user"]!.Str("username"));
        Assert.Equal(HttpStatusCode.OK, (await app.Client(renamed.Body["user"]!.Str("token")).Get("user")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Post("users/login", new { user = new { email = "jake@jake.jake", password = "jake-pass" } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().Post("users/login", new { user = new { email = "jake@jake.jake", password = "new-pass" } })).Status);
        // 422: nothing to update, a blank field, a taken name; 401 without a token.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.Put("user", new { user = new { } })).Status);
        Assert.Equal(["email can't be empty"], (await client.Put("user", new { user = new { email = " " } })).Errors);
        Assert.Equal(["username has already been taken"], (await client.Put("user", new { user = new { username = "taken" } })).Errors);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().Put("user", new { user = new { bio = "x" } })).Status);
        Assert.Equal(1, await app.Count("Users", "\"Username\" = 'jacob'"));
    }
}
