namespace Forum.Host.Forums.Secretariat;

public sealed record AssignSecretariatRequest(string? Email);

public static class AssignSecretariatEndpoint
{
    /// <summary>The platform administrator names a forum's secretariat by e-mail: it need not be a member, and acts for the forum once signed in.</summary>
    [WolverinePost("/api/forums/{forumId}/secretariat"), Tags("Forums")]
    public static (IResult, Events) Post(AssignSecretariatRequest r, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock) =>
        ForumDecider.AssignSecretariat(forum, new AssignSecretariat(forum.Id, r.Email), actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
