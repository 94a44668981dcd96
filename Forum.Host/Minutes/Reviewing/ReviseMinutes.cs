using Forum.Domain.Minutes;

namespace Forum.Host.Minutes.Reviewing;

public sealed record ReviseMinutesRequest(string? Markdown);

public static class ReviseMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/revise"), Tags("Minutes")]
    public static (IResult, Events) Post(ReviseMinutesRequest r, [WriteAggregate("minutesId", Required = false)] MinutesState minutes,
        [NotBody] MinutesCaller caller, TimeProvider clock) =>
        MinutesDecider.Revise(caller.Forum, minutes, new ReviseMinutes(r.Markdown), caller.Actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
