using System.Security.Claims;
using Associations;

namespace Conduit;

/// <summary>Profiles, follow and unfollow: the self many-to-many <c>User.Followers</c> / <c>User.Followees</c> through <c>Follows</c>.</summary>
public static class ProfilesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/profiles/{username}", Get);
        api.MapPost("/profiles/{username}/follow", Follow).RequireAuthorization();
        api.MapDelete("/profiles/{username}/follow", Unfollow).RequireAuthorization();
    }

    /// <summary>One statement: the user, and (signed in) whether I follow them, as a filtered <c>WithFollowersCount</c>.</summary>
    private static async Task<IResult> Get(string username, ClaimsPrincipal principal, DbSession db, CancellationToken ct)
    {
        var user = await db.Query<User>().Where(User.Columns.Username == username).AsProfile(principal.UserId()).FirstOrDefaultAsync(ct);
        return user is null ? Errors.NotFound($"profile {username} not found") : Results.Ok(new ProfileResponse(Conduit.Map.Profile(user)));
    }

    private static Task<IResult> Follow(string username, ClaimsPrincipal principal, DbSession db, CancellationToken ct) =>
        ChangeAsync(username, principal, db, follow: true, ct);

    private static Task<IResult> Unfollow(string username, ClaimsPrincipal principal, DbSession db, CancellationToken ct) =>
        ChangeAsync(username, principal, db, follow: false, ct);

    /// <summary><c>AddFolloweeAsync</c> (a no-op when already followed) or <c>RemoveFolloweeAsync</c>: one junction row.</summary>
    private static async Task<IResult> ChangeAsync(string username, ClaimsPrincipal principal, DbSession db, bool follow, CancellationToken ct)
    {
        var me = await Reads.CurrentUserAsync(db, principal, ct);
        if (me is null) return Errors.Unauthorized("the user of this token no longer exists");
        var target = await db.Query<User>().Where(User.Columns.Username == username).FirstOrDefaultAsync(ct);
        if (target is null) return Errors.NotFound($"profile {username} not found");
        if (target.Id == me.Id) return Errors.Unprocessable("you cannot follow yourself");
        if (follow) await me.AddFolloweeAsync(db, target, cancellationToken: ct);
        else await me.RemoveFolloweeAsync(db, target, ct);
        target.FollowersCount = follow ? 1 : 0;
        return Results.Ok(new ProfileResponse(Conduit.Map.Profile(target)));
    }
}
