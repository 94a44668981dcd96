using System.Security.Claims;
using Forum.Domain.Sessions;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Forum.Host.Sessions;

public static class DisplayTokenEndpoint
{
    /// <summary>
    /// A link for the big screen in the room: a token that reads this session's board and follows it live, and can do
    /// nothing else (not even read the forum). It belongs to its maker, who can revoke it under /api/me/tokens.
    /// </summary>
    [WolverinePost("/api/sessions/{sessionId}/display-tokens"), Tags("Live session")]
    public static async Task<IResult> Post(Guid sessionId, ClaimsPrincipal user, IDocumentSession session, IOptions<ForumOptions> options, TimeProvider clock)
    {
        var (state, forum, actor, refusal) = await SessionStreams.Read(session, sessionId, user);
        if (refusal is not null) return Problems.Of(refusal);
        if (SessionDecider.MayMakeDisplay(forum!, actor) is { } denied) return Problems.Of(denied);
        var account = await session.LoadAsync<Account>(actor!.AccountId);
        if (account is null) return Problems.Of(Domain.Common.Rejection.Unauthenticated());
        var token = session.IssueToken(account, $"Room display: {state!.Title}", clock.GetUtcNow(), out var secret, sessionId);
        return Results.Created($"/api/me/tokens/{token.Id}", new
        {
            tokenId = token.Id, token = secret, url = options.Value.Link($"/display/{sessionId}?token={Uri.EscapeDataString(secret)}"),
        });
    }
}
