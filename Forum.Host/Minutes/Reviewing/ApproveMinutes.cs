using Forum.Domain.Minutes;

namespace Forum.Host.Minutes.Reviewing;

public static class ApproveMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/approve"), Tags("Minutes")]
    public static (IResult, Events) Post([WriteAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        TimeProvider clock) =>
        MinutesDecider.Approve(caller.Forum, minutes, new ApproveMinutes(), caller.Actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
