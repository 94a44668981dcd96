using System.Security.Claims;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Forum.Projections.Forums;
using Marten;
using Wolverine.Http;

namespace Forum.Host.Forums;

public sealed record CreateForumRequest(string? Name, string? Country, string? Language, string? Description);
public sealed record AdmitMemberRequest(string? Name, string? Email, string? Organisation, StakeholderGroup? Group, MemberRole? Role);
public sealed record ChangeRoleRequest(MemberRole? Role);
public sealed record AppointCoChairRequest(Guid? MemberId);
public sealed record AssignSecretariatRequest(string? Email);
public sealed record SetRulesRequest(double? QuorumShare, bool? ParityRequired, bool? VoteFallback, double? VoteThreshold);

public static class EstablishForumEndpoint
{
    [WolverinePost("/api/forums"), Tags("Forums")]
    public static IResult Post(CreateForumRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var forumId = Guid.CreateVersion7();
        var verdict = ForumDecider.Establish(new EstablishForum(forumId, request.Name, request.Country, request.Language, request.Description),
            ForumClaims.ActorOf(user), clock.GetUtcNow());
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        session.Events.StartStream<ForumState>(forumId, verdict.Events);
        return Results.Created($"/api/forums/{forumId}", new { forumId });
    }
}

public static class ReadForumEndpoints
{
    [WolverineGet("/api/forums"), Tags("Forums")]
    public static async Task<IResult> List(ClaimsPrincipal user, IQuerySession session)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var forums = await Forum.Host.Forums.ForumStreams.VisibleTo(session, actor);
        return Results.Ok(forums.Select(f => new { forumId = f.Id, f.Name, f.Country, f.Language, f.Members }));
    }

    [WolverineGet("/api/forums/{forumId}"), Tags("Forums")]
    public static async Task<IResult> Get(Guid forumId, ClaimsPrincipal user, IQuerySession session)
    {
        var (_, role, refusal) = await ForumStreams.Read(session, forumId, user, ForumRole.Observer, "see this forum");
        if (refusal is not null) return Problems.Of(refusal);
        var roster = await session.LoadAsync<ForumRoster>(forumId);
        return Results.Ok(RosterView.Of(roster!, role, ForumClaims.ActorOf(user)?.Email));
    }
}

public static class MemberEndpoints
{
    [WolverinePost("/api/forums/{forumId}/members"), Tags("Forums")]
    public static Task<IResult> Admit(Guid forumId, AdmitMemberRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var memberId = Guid.CreateVersion7();
        return ForumStreams.Decide(session, forumId, user,
            (forum, actor) => ForumDecider.Admit(forum,
                new AdmitMember(forumId, memberId, request.Name, request.Email, request.Organisation, request.Group, request.Role), actor, clock.GetUtcNow()),
            () => Results.Created($"/api/forums/{forumId}/members/{memberId}", new { memberId }));
    }

    [WolverinePut("/api/forums/{forumId}/members/{memberId}/role"), Tags("Forums")]
    public static Task<IResult> ChangeRole(Guid forumId, Guid memberId, ChangeRoleRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        ForumStreams.Decide(session, forumId, user,
            (forum, actor) => ForumDecider.ChangeRole(forum, new ChangeMemberRole(forumId, memberId, request.Role), actor, clock.GetUtcNow()),
            Results.NoContent);

    [WolverineDelete("/api/forums/{forumId}/members/{memberId}"), Tags("Forums")]
    public static Task<IResult> Remove(Guid forumId, Guid memberId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        ForumStreams.Decide(session, forumId, user,
            (forum, actor) => ForumDecider.Remove(forum, new RemoveMember(forumId, memberId), actor, clock.GetUtcNow()),
            Results.NoContent);
}

public static class CoChairEndpoints
{
    [WolverinePost("/api/forums/{forumId}/co-chairs"), Tags("Forums")]
    public static Task<IResult> Appoint(Guid forumId, AppointCoChairRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        ForumStreams.Decide(session, forumId, user,
            (forum, actor) => ForumDecider.Appoint(forum, new AppointCoChair(forumId, request.MemberId), actor, clock.GetUtcNow()),
            Results.NoContent);

    [WolverineDelete("/api/forums/{forumId}/co-chairs/{memberId}"), Tags("Forums")]
    public static Task<IResult> StandDown(Guid forumId, Guid memberId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        ForumStreams.Decide(session, forumId, user,
            (forum, actor) => ForumDecider.StandDown(forum, new StandDownCoChair(forumId, memberId), actor, clock.GetUtcNow()),
            Results.NoContent);
}

public static class SecretariatEndpoint
{
    [WolverinePost("/api/forums/{forumId}/secretariat"), Tags("Forums")]
    public static Task<IResult> Assign(Guid forumId, AssignSecretariatRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        ForumStreams.Decide(session, forumId, user,
            (forum, actor) => ForumDecider.AssignSecretariat(forum, new AssignSecretariat(forumId, request.Email), actor, clock.GetUtcNow()),
            Results.NoContent);
}

public static class RulesEndpoint
{
    [WolverinePut("/api/forums/{forumId}/rules"), Tags("Forums")]
    public static Task<IResult> Set(Guid forumId, SetRulesRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        ForumStreams.Decide(session, forumId, user,
            (forum, actor) => ForumDecider.SetRules(forum,
                new SetForumRules(forumId, request.QuorumShare, request.ParityRequired, request.VoteFallback, request.VoteThreshold), actor, clock.GetUtcNow()),
            Results.NoContent);
}

/// <summary>What a roster shows: e-mail addresses only to the secretariat.</summary>
public static class RosterView
{
    /// <summary><c>yourMemberId</c> lets a page find the caller among members, positions and hands without seeing e-mails.</summary>
    public static object Of(ForumRoster r, ForumRole role, string? yourEmail = null)
    {
        var secretariat = role == ForumRole.Secretariat;
        var you = yourEmail is null ? null : r.Members.FirstOrDefault(m => m.Email == yourEmail)?.MemberId;
        return new
        {
            forumId = r.Id, r.Name, r.Country, r.Language, r.Description, r.EstablishedAt, yourRole = role.ToString(), yourMemberId = you, r.Rules,
            secretariat = secretariat ? r.Secretariat : null,
            members = r.Members.OrderBy(m => m.Group).ThenBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
                .Select(m => new { m.MemberId, m.Name, m.Organisation, m.Group, m.Role, m.CoChair, email = secretariat ? m.Email : null }),
            groups = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g.ToString(), g => r.Members.Count(m => m.Group == g)),
        };
    }
}

public static class ForumHealthEndpoint
{
    [WolverineGet("/api/forums/{forumId}/health"), Tags("Forums")]
    public static async Task<IResult> Get(Guid forumId, ClaimsPrincipal user, IQuerySession session, TimeProvider clock)
    {
        var (_, _, refusal) = await ForumStreams.Read(session, forumId, user, ForumRole.Observer, "see this forum's health");
        if (refusal is not null) return Problems.Of(refusal);
        var boards = await session.Query<Forum.Projections.Sessions.SessionBoard>().Where(b => b.ForumId == forumId).ToListAsync();
        return Results.Ok(ForumHealth.From(forumId, boards, clock.GetUtcNow()));
    }
}
