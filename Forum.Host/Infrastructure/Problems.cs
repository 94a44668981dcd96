using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Host.Infrastructure;

/// <summary>Turns a broken rule into RFC 9457 problem details that name it.</summary>
public static class Problems
{
    public static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => StatusCodes.Status400BadRequest,
        RejectionKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    public static ProblemDetails Details(Rejection r)
    {
        var problem = new ProblemDetails
        {
            Status = StatusOf(r.Kind),
            Type = $"https://forum.example/problems/{r.Rule}",
            Title = r.Kind switch
            {
                RejectionKind.Invalid => "The request is not valid",
                RejectionKind.Unauthenticated => "Sign-in required",
                RejectionKind.Forbidden => "Not allowed for you",
                RejectionKind.NotFound => "Not found",
                _ => "Refused by a forum rule",
            },
            Detail = r.Detail,
        };
        problem.Extensions["rule"] = r.Rule;
        if (r.Field is not null)
        {
            problem.Extensions["field"] = r.Field;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [r.Field] = [r.Detail] };
        }
        return problem;
    }

    public static IResult Of(Rejection r) => Results.Problem(Details(r));
}

/// <summary>
/// Problem details written by the framework or Wolverine (unreadable JSON, unmatched routes, 401/403 challenges)
/// get the same shape as ours: a rule, and the field where one is known.
/// </summary>
internal static partial class ProblemShape
{
    [System.Text.RegularExpressions.GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial System.Text.RegularExpressions.Regex JsonPath();

    public static void Complete(ProblemDetailsContext ctx)
    {
        var p = ctx.ProblemDetails;
        if (p.Extensions.ContainsKey("rule")) return;
        // Wolverine.Http answers unreadable bodies itself, naming the JSON path only in its detail.
        if (p.Title == "Invalid JSON format" && p.Detail is { } detail)
        {
            var path = JsonPath().Match(detail) is { Success: true } m ? m.Groups[1].Value : "$";
            var shaped = Problems.Details(Unreadable.From(path));
            p.Type = shaped.Type; p.Title = shaped.Title; p.Detail = shaped.Detail;
            foreach (var (k, v) in shaped.Extensions) p.Extensions[k] = v;
            p.Extensions.Remove("lineNumber"); p.Extensions.Remove("bytePositionInLine");
            return;
        }
        // Routes take Guid ids; one that does not parse matched the route but not the endpoint, which answers 404.
        if (p.Status == 404 && MalformedId(ctx.HttpContext) is { } malformed)
        {
            ctx.HttpContext.Response.StatusCode = 400;
            var shaped = Problems.Details(malformed);
            p.Status = 400; p.Type = shaped.Type; p.Title = shaped.Title; p.Detail = shaped.Detail;
            foreach (var (k, v) in shaped.Extensions) p.Extensions[k] = v;
            return;
        }
        var rule = p.Status switch
        {
            400 => "request-invalid",
            401 => "sign-in-required",
            403 => "access-denied",
            404 => "not-found",
            405 => "method-not-allowed",
            415 => "unsupported-media-type",
            429 => "rate-limited",
            _ => "internal-error",
        };
        p.Extensions["rule"] = rule;
        p.Type = $"https://forum.example/problems/{rule}";
        p.Detail ??= p.Status switch
        {
            404 => $"Nothing is at {ctx.HttpContext.Request.Path}.",
            405 => $"{ctx.HttpContext.Request.Method} is not accepted at {ctx.HttpContext.Request.Path}.",
            415 => "Send the body as JSON (Content-Type: application/json).",
            401 => "Sign in, or send a personal API token as a bearer token.",
            403 => "You may not do this.",
            _ => "Something went wrong on our side; it has been logged.",
        };
    }

    private static Rejection? MalformedId(HttpContext http)
    {
        foreach (var (key, value) in http.Request.RouteValues)
        {
            if (!key.EndsWith("Id") || value is not string text || Guid.TryParse(text, out _)) continue;
            return Rejection.Invalid(key, "id-malformed", $"'{key}' must be a Guid such as 0193f000-0000-7000-8000-000000000001; '{text}' is not.");
        }
        return null;
    }
}

internal static class Unreadable
{
    public static Rejection From(string? path)
    {
        var field = string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
        return field == "body"
            ? Rejection.Invalid(field, "json-invalid", "The body is not a JSON object of the expected shape.")
            : Rejection.Invalid(field, "field-unreadable", $"'{field}' has a value of the wrong kind, or a name that is not one of the allowed values.");
    }
}

/// <summary>Errors a caller can cause that surface as exceptions (unreadable JSON, a lost race) become problem details, never a 500.</summary>
internal sealed class RequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var rejection = exception switch
        {
            JsonException json => Unreadable.From(json.Path),
            BadHttpRequestException { InnerException: JsonException json } => Unreadable.From(json.Path),
            BadHttpRequestException bad => Rejection.Invalid("body", "request-invalid", bad.Message),
            JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException =>
                Rejection.Conflict("concurrent-change", "Someone changed this at the same moment; read it again and retry."),
            _ => null,
        };
        if (rejection is null) return false;
        var details = Problems.Details(rejection);
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

}
