using Forum.Domain.Common;
using Forum.Domain.Sessions;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.Replay;

public static class ListMomentsEndpoint
{
    public const int DefaultLimit = 200, MaxLimit = 1_000;

    /// <summary>
    /// Every moment of a session after a version, in order, a page at a time (by version, so a page never shifts while the
    /// session goes on); <c>next</c> is the following page, null at the end.
    /// </summary>
    [WolverineGet("/api/sessions/{sessionId}/moments"), Tags("Sessions")]
    public static async Task<IResult> Get(long? after, int? limit, [ReadAggregate("sessionId", Required = false)] SessionState session,
        [NotBody] SessionCaller caller, IQuerySession store, HttpContext http)
    {
        if (after is < 0)
            return Problems.Of(Rejection.Invalid("after", "version-range", "'after' is a version of the session: 0 for its start, or more."));
        if (limit is < 1 or > MaxLimit)
            return Problems.Of(Rejection.Invalid("limit", "page-size-range", $"'limit' is from 1 to {MaxLimit} moments (default {DefaultLimit})."));
        var from = after ?? 0;
        var size = limit ?? DefaultLimit;
        var ct = http.RequestAborted;
        var stream = await store.Events.FetchStreamStateAsync(session.Id, ct);
        var latest = stream?.Version ?? 0;
        var events = from >= latest ? [] : await store.Events.FetchStreamAsync(session.Id, version: Math.Min(latest, from + size), fromVersion: from + 1, token: ct);
        var last = events.Count > 0 ? events[^1].Version : from;
        return Results.Ok(new
        {
            sessionId = session.Id, version = latest, after = from,
            moments = events.Select(e => Moment.Of(e, caller.Forum, session)),
            next = last < latest ? $"/api/sessions/{session.Id}/moments?after={last}&limit={size}" : null,
        });
    }
}
