using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Forums.Secretariat;

public sealed record AssignSecretariatRequest(string? Email);

public static class AssignSecretariatEndpoint
{
    [WolverinePost("/api/forums/{forumId}/secretariat"), Tags("Forums")]
    public static (IResult, Events) Post(AssignSecretariatRequest r, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock) =>
        ForumDecider.AssignSecretariat(forum, new AssignSecretariat(forum.Id, r.Email), actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
