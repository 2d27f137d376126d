using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conduit;

/// <summary>
/// JWT authentication as the RealWorld spec asks: <c>Authorization: Token &lt;jwt&gt;</c> (<c>Bearer</c> is accepted too).
/// The token carries the user's id (<c>sub</c>) and username; endpoints that only need "who is asking" read the id from it
/// without a database round trip.
/// </summary>
public sealed class Tokens
{
    private readonly SigningCredentials _credentials;
    private readonly TimeSpan _lifetime;

    public Tokens(IOptions<ConduitOptions> options, ILogger<Tokens> logger)
    {
        var configured = options.Value.JwtSigningKey;
        byte[] key;
        if (string.IsNullOrEmpty(configured))
        {
            key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("No Conduit:JwtSigningKey configured: tokens are signed with a random key and stop working when the app restarts.");
        }
        else
        {
            key = Encoding.UTF8.GetBytes(configured);
            if (key.Length < 32) throw new InvalidOperationException("Conduit:JwtSigningKey must be at least 32 bytes long.");
        }
        Key = new SymmetricSecurityKey(key);
        _credentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256);
        _lifetime = options.Value.TokenLifetime;
    }

    public const string Issuer = "conduit";

    public SymmetricSecurityKey Key { get; }

    /// <summary>A signed token for <paramref name="user"/>.</summary>
    public string Issue(User user) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Issuer,
        Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                                      new Claim(JwtRegisteredClaimNames.UniqueName, user.Username)]),
        Expires = DateTime.UtcNow.Add(_lifetime),
        SigningCredentials = _credentials,
    });
}

public static class AuthSetup
{
    /// <summary>Registers JWT bearer authentication reading <c>Token</c> (and <c>Bearer</c>) headers, with the spec's error shape on 401.</summary>
    public static IServiceCollection AddConduitAuth(this IServiceCollection services)
    {
        services.AddSingleton<Tokens>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<Tokens>((options, tokens) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Tokens.Issuer,
                ValidAudience = Tokens.Issuer,
                IssuerSigningKey = tokens.Key,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    var header = context.Request.Headers.Authorization.ToString();
                    if (header.StartsWith("Token ", StringComparison.OrdinalIgnoreCase)) context.Token = header["Token ".Length..].Trim();
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await Errors.Unauthorized().ExecuteAsync(context.HttpContext);
                },
            };
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// A request that sends an <c>Authorization</c> header that does not authenticate (a bad or expired token, an unknown
    /// scheme) is refused with 401 on every endpoint — also where authentication is optional — rather than served as anonymous.
    /// </summary>
    public static IApplicationBuilder UseRejectInvalidTokens(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true)
        {
            await Errors.Unauthorized().ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    /// <summary>The id of the user the token names, or null for an anonymous request.</summary>
    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
