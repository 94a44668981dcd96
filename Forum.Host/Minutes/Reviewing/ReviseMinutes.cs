using Forum.Domain.Minutes;

namespace Forum.Host.Minutes.Reviewing;

/// <param name="Language">Which text: the minutes' own language when not given, or the second text's (docs/adr/0023).</param>
public sealed record ReviseMinutesRequest(string? Markdown, string? Language = null);

public static class ReviseMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/revise"), Tags("Minutes")]
    public static (IResult, Events) Post(ReviseMinutesRequest r, [WriteAggregate("minutesId", Required = false)] MinutesState minutes,
        [NotBody] MinutesCaller caller, TimeProvider clock) =>
        MinutesDecider.Revise(caller.Forum, minutes, new ReviseMinutes(r.Markdown, r.Language), caller.Actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
