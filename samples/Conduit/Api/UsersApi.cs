using System.Security.Claims;
using Associations;
using Microsoft.AspNetCore.Identity;

namespace Conduit;

/// <summary>Registration, login, the current user.</summary>
public static class UsersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/users", Register);
        api.MapPost("/users/login", Login);
        api.MapGet("/user", Current).RequireAuthorization();
        api.MapPut("/user", Update).RequireAuthorization();
    }

    private static async Task<IResult> Register(NewUserRequest? request, DbSession db, Tokens tokens, IPasswordHasher<User> hasher, CancellationToken ct)
    {
        var input = request?.User;
        var missing = Errors.Required(("username", input?.Username), ("email", input?.Email), ("password", input?.Password));
        if (missing.Length > 0) return Errors.Unprocessable(missing);
        var user = new User { Username = input!.Username!.Trim(), Email = input.Email!.Trim() };
        var taken = await TakenAsync(db, user.Username, user.Email, except: null, ct);
        if (taken.Length > 0) return Errors.Unprocessable(taken);
        user.PasswordHash = hasher.HashPassword(user, input.Password!);
        try
        {
            await db.InsertAsync(user, ct);
        }
        catch (AssociationException error) when (db.IsDuplicate(error))
        {
            return Errors.Unprocessable("username or email has already been taken"); // another request registered it just now
        }
        return Results.Json(new UserResponse(Conduit.Map.User(user, tokens.Issue(user))), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Login(LoginUserRequest? request, DbSession db, Tokens tokens, IPasswordHasher<User> hasher, CancellationToken ct)
    {
        var input = request?.User;
        var missing = Errors.Required(("email", input?.Email), ("password", input?.Password));
        if (missing.Length > 0) return Errors.Unprocessable(missing);
        var user = await db.Query<User>().Where(User.Columns.Email == input!.Email!.Trim()).FirstOrDefaultAsync(ct);
        if (user is null || hasher.VerifyHashedPassword(user, user.PasswordHash, input.Password!) == PasswordVerificationResult.Failed)
            return Errors.Unauthorized("email or password is invalid");
        return Results.Ok(new UserResponse(Conduit.Map.User(user, tokens.Issue(user))));
    }

    private static async Task<IResult> Current(ClaimsPrincipal principal, HttpRequest request, DbSession db, CancellationToken ct)
    {
        var user = await Reads.CurrentUserAsync(db, principal, ct);
        if (user is null) return Errors.Unauthorized("the user of this token no longer exists");
        return Results.Ok(new UserResponse(Conduit.Map.User(user, RequestToken(request))));
    }

    private static async Task<IResult> Update(UpdateUserRequest? request, ClaimsPrincipal principal, DbSession db, Tokens tokens,
        IPasswordHasher<User> hasher, CancellationToken ct)
    {
        var user = await Reads.CurrentUserAsync(db, principal, ct);
        if (user is null) return Errors.Unauthorized("the user of this token no longer exists");
        var input = request?.User;
        if (input is null || (input.Email, input.Username, input.Password, input.Bio, input.Image) == (null, null, null, null, null))
            return Errors.Unprocessable("user must have at least one field to update");
        var blank = Errors.Blank(("email", input.Email), ("username", input.Username), ("password", input.Password)); // bio and image may be emptied
        if (blank.Length > 0) return Errors.Unprocessable(blank);
        var username = input.Username?.Trim() ?? user.Username;
        var email = input.Email?.Trim() ?? user.Email;
        var taken = await TakenAsync(db, username == user.Username ? null : username, email == user.Email ? null : email, except: user.Id, ct);
        if (taken.Length > 0) return Errors.Unprocessable(taken);
        user.Username = username;
        user.Email = email;
        if (input.Bio is not null) user.Bio = input.Bio;
        if (input.Image is not null) user.Image = input.Image.Length == 0 ? null : input.Image;
        if (input.Password is not null) user.PasswordHash = hasher.HashPassword(user, input.Password);
        try
        {
            await db.UpdateAsync(user, ct);
        }
        catch (AssociationException error) when (db.IsDuplicate(error))
        {
            return Errors.Unprocessable("username or email has already been taken");
        }
        return Results.Ok(new UserResponse(Conduit.Map.User(user, tokens.Issue(user))));
    }

    /// <summary>"username has already been taken" / "email has already been taken", in one statement.</summary>
    private static async Task<string[]> TakenAsync(DbSession db, string? username, string? email, int? except, CancellationToken ct)
    {
        if (username is null && email is null) return [];
        Condition<User>? match = null;
        if (username is not null) match = User.Columns.Username == username;
        if (email is not null) match = match is null ? User.Columns.Email == email : match | (User.Columns.Email == email);
        var query = db.Query<User>().Where(match!).Select(User.Columns.Username, User.Columns.Email);
        if (except is int id) query = query.Where(User.Columns.Id != id);
        var clashes = await query.ToListAsync(ct);
        var errors = new List<string>();
        if (username is not null && clashes.Any(u => u.Username == username)) errors.Add("username has already been taken");
        if (email is not null && clashes.Any(u => u.Email == email)) errors.Add("email has already been taken");
        return errors.ToArray();
    }

    /// <summary>The token the request came with (GET /user answers with it).</summary>
    private static string RequestToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        return space < 0 ? header : header[(space + 1)..].Trim();
    }
}
