// Conduit: the RealWorld backend API (https://github.com/gothinkster/realworld, api/openapi.yml) on Associations.
//   dotnet run --project samples/Conduit                                   (SQLite file samples/Conduit/conduit.db, http://localhost:5000/api)
//   dotnet run --project samples/Conduit -- --postgres "Host=…;Username=…;Database=…"
//   ASSOCIATIONS_PG="Host=…" dotnet run --project samples/Conduit
using Associations;
using Conduit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--postgres"] = "Conduit:Postgres" });
if (Environment.GetEnvironmentVariable("ASSOCIATIONS_PG") is { Length: > 0 } pg && builder.Configuration["Conduit:Postgres"] is null)
    builder.Configuration["Conduit:Postgres"] = pg;
if (builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
    builder.WebHost.UseUrls("http://localhost:5000");

builder.Services.Configure<ConduitOptions>(builder.Configuration.GetSection("Conduit"));
builder.Services.AddSingleton<ConduitDatabase>();
// One DbSession per request, over a connection of the app's database (a pooled NpgsqlDataSource, or SQLite).
builder.Services.AddAssociations(sp => sp.GetRequiredService<ConduitDatabase>().CreateConnection());
builder.Services.AddConduitAuth();
builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
builder.Services.AddCors();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<DbSession>();
    await ConduitDatabase.EnsureSchemaAsync(db);
    app.Logger.LogInformation("Conduit on {Engine}", app.Services.GetRequiredService<ConduitDatabase>().Engine);
}

app.UseCors(cors => cors.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
app.UseUnprocessableBadRequests();
app.UseAuthentication();
app.UseRejectInvalidTokens();
app.UseAuthorization();

var api = app.MapGroup("/api");
UsersApi.Map(api);
ProfilesApi.Map(api);
ArticlesApi.Map(api);
CommentsApi.Map(api);
TagsApi.Map(api);

app.Run();
