namespace Conduit;

/// <summary>The error body of the spec: <c>{"errors":{"body":["…"]}}</c>.</summary>
public sealed record ErrorBody(IReadOnlyList<string> Body);

public sealed record ErrorResponse(ErrorBody Errors);

/// <summary>The spec's error responses: 422 for validation, 401, 403, 404 — each with the same body shape.</summary>
public static class Errors
{
    public static IResult Unprocessable(params string[] messages) => Results.Json(new ErrorResponse(new ErrorBody(messages)), statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult Unauthorized(string message = "missing or invalid authorization token") =>
        Results.Json(new ErrorResponse(new ErrorBody([message])), statusCode: StatusCodes.Status401Unauthorized);

    public static IResult Forbidden(string message) => Results.Json(new ErrorResponse(new ErrorBody([message])), statusCode: StatusCodes.Status403Forbidden);

    public static IResult NotFound(string message) => Results.Json(new ErrorResponse(new ErrorBody([message])), statusCode: StatusCodes.Status404NotFound);

    /// <summary>"x can't be empty" for each of <paramref name="fields"/> that is null or blank.</summary>
    public static string[] Required(params (string Name, string? Value)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Name + " can't be empty").ToArray();

    /// <summary>"x can't be empty" for each of <paramref name="fields"/> that was sent (not null) but is blank: an update may leave a
    /// field out, not empty it.</summary>
    public static string[] Blank(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null && string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Name + " can't be empty").ToArray();

    /// <summary>
    /// A request the framework cannot bind (malformed JSON, a query value of the wrong type) is a validation error: 422, not
    /// ASP.NET Core's 400. Minimal APIs throw <see cref="BadHttpRequestException"/> for them when ThrowOnBadRequest is on.
    /// </summary>
    public static IApplicationBuilder UseUnprocessableBadRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Unprocessable(error.InnerException is System.Text.Json.JsonException ? "body is not valid JSON" : error.Message).ExecuteAsync(context);
        }
    });
}
