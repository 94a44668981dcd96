namespace Forum.Host.Forums.Rules;

public sealed record SetRulesRequest(double? QuorumShare, bool? ParityRequired, bool? VoteFallback, double? VoteThreshold);

public static class SetRulesEndpoint
{
    [WolverinePut("/api/forums/{forumId}/rules"), Tags("Forums")]
    public static (IResult, Events) Put(SetRulesRequest r, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock) =>
        ForumDecider.SetRules(forum, new SetForumRules(forum.Id, r.QuorumShare, r.ParityRequired, r.VoteFallback, r.VoteThreshold), actor, clock.GetUtcNow())
            .Answer(Results.NoContent());
}
