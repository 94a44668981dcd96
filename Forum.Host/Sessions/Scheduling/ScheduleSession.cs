using Forum.Domain.Sessions.Scheduling;

namespace Forum.Host.Sessions.Scheduling;

public sealed record ScheduleSessionRequest(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, SessionMode? Mode, string? Venue, string? OnlineUrl,
    string? Language);

public static class ScheduleSessionEndpoint
{
    [WolverinePost("/api/forums/{forumId}/sessions"), Tags("Sessions")]
    public static (IResult, IMartenOp) Post(ScheduleSessionRequest r, [ReadAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock)
    {
        var sessionId = Guid.CreateVersion7();
        return SchedulingRules.Schedule(forum, new ScheduleSession(sessionId, r.Title, r.StartsAt, r.EndsAt, r.Mode, r.Venue, r.OnlineUrl, r.Language), actor,
            clock.GetUtcNow()).Start<SessionState>(sessionId, Results.Created($"/api/sessions/{sessionId}", new { sessionId }));
    }
}
