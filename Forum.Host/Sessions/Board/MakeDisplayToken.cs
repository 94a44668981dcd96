using Forum.Host.Identity;
using Microsoft.Extensions.Options;

namespace Forum.Host.Sessions.Board;

public static class MakeDisplayTokenEndpoint
{
    /// <summary>
    /// A link for the big screen in the room: a token that reads this session's board and follows it live, and can do
    /// nothing else (not even read the forum). It belongs to its maker, who can revoke it under /api/me/tokens.
    /// </summary>
    [WolverinePost("/api/sessions/{sessionId}/display-tokens"), Tags("Live session")]
    public static async Task<IResult> Post([ReadAggregate("sessionId", Required = false)] SessionState session, [NotBody] SessionCaller caller,
        IDocumentSession store, IOptions<ForumOptions> options, TimeProvider clock)
    {
        if (SessionRules.MayMakeDisplay(caller.Forum, caller.Actor) is { } denied) return Problems.Of(denied);
        var account = await store.LoadAsync<Account>(caller.Actor.AccountId);
        if (account is null) return Problems.Of(Rejection.Unauthenticated());
        var token = store.IssueToken(account, $"Room display: {session.Title}", clock.GetUtcNow(), out var secret, session.Id);
        return Results.Created($"/api/me/tokens/{token.Id}", new
        {
            tokenId = token.Id, token = secret, url = options.Value.Link($"/display/{session.Id}?token={Uri.EscapeDataString(secret)}"),
        });
    }
}
