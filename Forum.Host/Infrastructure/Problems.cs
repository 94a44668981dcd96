using System.Text.Json;
using Forum.Host.Localisation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

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
        RejectionKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RejectionKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
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
                RejectionKind.TooLarge => "Too large",
                RejectionKind.UnsupportedMediaType => "Unsupported type",
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

    /// <summary>The same refusal in a reader's language, for answers that do not go through a request (hub pushes).</summary>
    public static ProblemDetails Details(Rejection r, string? language)
    {
        var problem = Details(r);
        Translate(problem, language);
        return problem;
    }

    /// <summary>
    /// Problem details in the reader's language, by their rule (ADR 0014): a title for the kind of refusal
    /// (<c>problems.status.{code}</c>) and a general detail for the rule (<c>problems.{rule}.detail</c>, which may name
    /// the <c>{field}</c>). English keeps the rule's own detail, with the names and figures it carries; a rule with no
    /// translation yet keeps it too, under a translated title. The <c>rule</c> and <c>field</c> never change.
    /// </summary>
    public static void Translate(ProblemDetails problem, string? language)
    {
        var wording = Strings.For(language);
        if (wording.Code == Languages.Default || problem.Status is not { } status) return;
        if (wording.Has($"problems.status.{status}")) problem.Title = wording.T($"problems.status.{status}");
        if (problem.Extensions.TryGetValue("rule", out var rule) && wording.Has($"problems.{rule}.detail"))
        {
            var field = problem.Extensions.TryGetValue("field", out var f) ? f as string : null;
            problem.Detail = wording.T($"problems.{rule}.detail", new Dictionary<string, object?> { ["field"] = field });
            if (field is not null) problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail] };
        }
    }
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
        Shape(ctx);
        Problems.Translate(ctx.ProblemDetails, LanguageChoice.Chosen(ctx.HttpContext));
    }

    private static void Shape(ProblemDetailsContext ctx)
    {
        var p = ctx.ProblemDetails;
        if (p.Extensions.ContainsKey("rule")) return;
        // Wolverine.Http answers unreadable bodies itself, naming the JSON path only in its detail.
        if (p.Title == "Invalid JSON format" && p.Detail is { } detail)
        {
            var path = JsonPath().Match(detail) is { Success: true } m ? m.Groups[1].Value : "$";
            Reshape(p, detail.StartsWith(ControlCharacterInJson.Marker)
                ? Input.ControlCharacter(Unreadable.Field(path), (char)Convert.ToInt32(detail.Substring(ControlCharacterInJson.Marker.Length, 4), 16))
                : Unreadable.From(path));
            p.Extensions.Remove("lineNumber"); p.Extensions.Remove("bytePositionInLine");
            return;
        }
        // Wolverine.Http refuses an unparseable query or header value (RejectUnparseable...), naming it in an extension.
        if (p.Title is "Invalid query string value" or "Invalid header value"
            && (p.Extensions.TryGetValue("parameter", out var named) || p.Extensions.TryGetValue("header", out named)) && named is string name)
        {
            Reshape(p, Rejection.Invalid(name, "value-unparseable", p.Detail ?? $"'{name}' has a value that cannot be read."));
            p.Extensions.Remove("parameter"); p.Extensions.Remove("header");
            return;
        }
        // Routes take Guid ids; one that does not parse matched the route but not the endpoint, which answers 404.
        if (p.Status == 404 && MalformedId(ctx.HttpContext) is { } malformed)
        {
            ctx.HttpContext.Response.StatusCode = 400;
            Reshape(p, malformed);
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

    private static void Reshape(ProblemDetails p, Rejection r)
    {
        var shaped = Problems.Details(r);
        p.Status = shaped.Status; p.Type = shaped.Type; p.Title = shaped.Title; p.Detail = shaped.Detail;
        foreach (var (k, v) in shaped.Extensions) p.Extensions[k] = v;
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
    public static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    public static Rejection From(string? path)
    {
        var field = Field(path);
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
        // Nothing the caller did, and it passes: say so, and when to try again.
        if (DatabaseUnavailable(exception))
            return await Unavailable(context, exception, "database-unavailable",
                "The database cannot be reached just now; nothing was changed. Try again in a few seconds.");
        // This host is shutting down between the door and the store (GroupCommit): nothing was stored.
        if (exception is GroupCommit.Stopping)
            return await Unavailable(context, exception, "server-restarting", "The server is restarting; nothing was changed. Try again in a few seconds.");
        var rejection = exception switch
        {
            ControlCharacterInJson c => Input.ControlCharacter(Unreadable.Field(c.Path), c.Character),
            BadHttpRequestException { InnerException: ControlCharacterInJson c } => Input.ControlCharacter(Unreadable.Field(c.Path), c.Character),
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

    /// <summary>
    /// A connection that cannot be opened or was lost (Npgsql's own errors), or a server that is shutting down, starting
    /// up or full (SQLSTATE classes 57P and 08, and 53300). Marten and Wolverine wrap these, so the whole chain is looked at.
    /// </summary>
    private async ValueTask<bool> Unavailable(HttpContext context, Exception exception, string rule, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        var unavailable = new ProblemDetails
        {
            Status = 503, Type = $"https://forum.example/problems/{rule}", Title = "Temporarily unavailable", Detail = detail,
            Extensions = { ["rule"] = rule },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = unavailable, Exception = exception });
    }

    internal static bool DatabaseUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException p) return p.SqlState.StartsWith("57P") || p.SqlState.StartsWith("08") || p.SqlState == "53300";
            if (e is NpgsqlException) return true;
        }
        return false;
    }
}
