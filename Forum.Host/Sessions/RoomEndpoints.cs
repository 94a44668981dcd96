using System.Security.Claims;
using Forum.Domain.Sessions;
using Forum.Host.Minutes;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Sessions;

public sealed record CheckInRequest(Presence? Presence, Guid? MemberId);
public sealed record LeaveRequest(Guid? MemberId);
public sealed record ProposalRequest(string? Text);
public sealed record HandRequest(bool? Raised);
public sealed record FloorRequest(Guid? MemberId);
public sealed record DecisionRequest(Outcome? Outcome, string? Text, List<ResponseToPosition>? Responses, List<NewActionPoint>? ActionPoints);

/// <summary>What co-chairs and members do in the room. Each is one decider call under the session's lock.</summary>
public static class RoomEndpoints
{
    [WolverinePost("/api/sessions/{sessionId}/open"), Tags("Live session")]
    public static Task<IResult> Open(Guid sessionId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.Open(f, s, new OpenSession(), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/close"), Tags("Live session")]
    public static async Task<IResult> Close(Guid sessionId, ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var closed = false;
        var result = await SessionStreams.Decide(session, sessionId, user, (f, s, a) =>
        {
            var verdict = SessionDecider.Close(f, s, new CloseSession(), a, clock.GetUtcNow());
            closed = verdict.Accepted;
            return verdict;
        });
        // Drafting the minutes starts from the committed close (outbox: sent only if the close commits).
        if (closed) await bus.PublishAsync(new DraftMinutes(sessionId));
        return result;
    }

    [WolverinePost("/api/sessions/{sessionId}/check-in"), Tags("Live session")]
    public static Task<IResult> CheckIn(Guid sessionId, CheckInRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.CheckIn(f, s, new CheckIn(r.Presence, r.MemberId), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/leave"), Tags("Live session")]
    public static Task<IResult> Leave(Guid sessionId, LeaveRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.Leave(f, s, new Leave(r.MemberId), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/open"), Tags("Live session")]
    public static Task<IResult> OpenItem(Guid sessionId, Guid itemId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.OpenItem(f, s, new OpenItem(itemId), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/close"), Tags("Live session")]
    public static Task<IResult> CloseItem(Guid sessionId, Guid itemId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.CloseItem(f, s, new CloseItem(itemId), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/proposal"), Tags("Live session")]
    public static Task<IResult> Proposal(Guid sessionId, Guid itemId, ProposalRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.Table(f, s, new TableProposal(itemId, r.Text), a, clock.GetUtcNow()));

    [WolverineDelete("/api/sessions/{sessionId}/items/{itemId}/positions"), Tags("Live session")]
    public static Task<IResult> WithdrawPosition(Guid sessionId, Guid itemId, Guid? onBehalfOf, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.Withdraw(f, s, new WithdrawPosition(itemId, onBehalfOf), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/hands"), Tags("Live session")]
    public static Task<IResult> Hand(Guid sessionId, HandRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.Hand(f, s, new RaiseHand(r.Raised), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/floor"), Tags("Live session")]
    public static Task<IResult> Floor(Guid sessionId, FloorRequest? r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.Floor(f, s, new GiveFloor(r?.MemberId), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/decision"), Tags("Live session")]
    public static Task<IResult> Decision(Guid sessionId, Guid itemId, DecisionRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var actionPointIds = Enumerable.Range(0, r.ActionPoints?.Count ?? 0).Select(_ => Guid.CreateVersion7()).ToList();
        return SessionStreams.Decide(session, sessionId, user, (f, s, a) =>
            SessionDecider.Decide(f, s, new RecordDecision(itemId, r.Outcome, r.Text, r.Responses, r.ActionPoints, actionPointIds), a, clock.GetUtcNow()));
    }
}
