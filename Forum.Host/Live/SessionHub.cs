using Forum.Domain.Identity;
using Forum.Host.Identity;
using Forum.Host.Localisation;
using Forum.Projections.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Host.Live;

/// <summary>What the server pushes. Each change carries the versions it spans, so a client applies them in order and sees gaps.</summary>
public interface ISessionClient
{
    Task BoardChanged(Guid sessionId, long version, BoardChange change);
    Task SubmissionRefused(Guid sessionId, Guid submissionId, ProblemDetails problem);
    Task MinutesChanged(Guid sessionId, MinutesChange change);
}

/// <param name="YourBallot">The caller's own vote in the round open on the item in front of the room, if they cast one: the
/// board shows counts only, and a page reloaded mid-vote still shows which choice is its person's.</param>
public sealed record JoinResult(Guid SessionId, long Version, SessionBoard Board, OwnBallot? YourBallot = null);

public sealed record OwnBallot(Guid ItemId, VoteChoice Choice);

/// <summary>
/// Thin on purpose: it authorises and manages groups. Writes go over HTTP (one code path per command);
/// pushes come from committed events through <see cref="BoardBroadcaster"/>.
/// </summary>
public sealed class SessionHub(IQuerySession session, StateCache cache, TokenConnections tokens) : Hub<ISessionClient>
{
    public const string Path = "/hubs/sessions";

    public override Task OnConnectedAsync()
    {
        tokens.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        tokens.Closed(Context);
        return base.OnDisconnectedAsync(exception);
    }

    public static string Group(Guid sessionId) => $"session:{sessionId:N}";

    /// <summary>
    /// The board's pushes go to a session's screens slice by slice (ADR 0031): each screen is in one of this many parts of
    /// the session's group, besides the group itself.
    /// </summary>
    public const int Slices = 8;

    public static string Slice(Guid sessionId, int slice) => $"session:{sessionId:N}:{slice}";

    private static string SliceOf(Guid sessionId, string connectionId) => Slice(sessionId, (int)((uint)connectionId.GetHashCode() % Slices));

    public async Task<JoinResult> Join(Guid sessionId)
    {
        var actor = ForumClaims.ActorOf(Context.User) ?? throw Refuse(Rejection.Unauthenticated());
        if (ForumClaims.DisplaySessionOf(Context.User) is { } display && DisplayTokens.MayUse(display, TokenUse.FollowLive, sessionId) is { } outOfScope)
            throw Refuse(outOfScope);
        // Joining is reading: like the board's GET, it may take states checked a moment ago (StateCache.ForDoors), and a
        // room joining at once asks the store once. The board itself is read from the store below.
        var state = await cache.Session(session, sessionId, StateCache.ForDoors) ?? throw Refuse(SessionRules.SessionNotFound(sessionId));
        var forum = await cache.Forum(session, state.ForumId, StateCache.ForDoors) ?? throw Refuse(SessionRules.SessionNotFound(sessionId));
        if (SessionRules.MaySee(forum, state, actor) is { } hidden) throw Refuse(hidden);
        // Join the group first, then read: any push after this read either overlaps it (applied idempotently) or follows it.
        await Task.WhenAll(Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId)),
            Groups.AddToGroupAsync(Context.ConnectionId, SliceOf(sessionId, Context.ConnectionId)));
        // Light (ADR 0013): the board, the positions on the item in front of the room, and the caller's own attendance and,
        // while a vote is open, their own ballot (a part never on the board: one more read, during a vote only).
        var memberId = forum.MemberByEmail(actor.Email)?.MemberId;
        var board = (await SessionBoards.ForJoin(session, sessionId, state.CurrentItemId, memberId))!;
        OwnBallot? ballot = null;
        if (memberId is { } me && board.CurrentItemId is { } current && board.Agenda.FirstOrDefault(i => i.ItemId == current)?.Vote is { Open: true }
            && await session.LoadAsync<BoardBallot>(BoardKeys.Ballot(sessionId, current, me)) is { } mine)
            ballot = new OwnBallot(current, mine.Choice);
        return new JoinResult(sessionId, board.Version, board, ballot);
    }

    public Task Leave(Guid sessionId) => Task.WhenAll(Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(sessionId)),
        Groups.RemoveFromGroupAsync(Context.ConnectionId, SliceOf(sessionId, Context.ConnectionId)));

    private HubException Refuse(Rejection r) =>
        new($"{r.Rule}: {Problems.Details(r, Context.GetHttpContext() is { } http ? LanguageChoice.Chosen(http) : null).Detail}");
}

/// <summary>Clients.User(...) addresses a person by account id.</summary>
public sealed class AccountUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(ForumClaims.AccountId)?.Value;
}
