using System.Security.Claims;
using Forum.Projections.Forums;

namespace Forum.Host.Identity;

public sealed record CreateTokenRequest(string? Name);

public static class MeEndpoints
{
    [WolverineGet("/api/me"), Tags("Identity")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var forums = await Forum.Host.Forums.Finding.ListForumsEndpoint.VisibleTo(session, actor);
        return Results.Ok(new
        {
            accountId = actor.AccountId, email = actor.Email, isAdministrator = actor.IsAdministrator, language = user.FindFirst(ForumClaims.Language)?.Value,
            forums = forums.Select(f => new { forumId = f.Id, f.Name, f.Country }),
        });
    }

    [WolverinePost("/api/me/tokens"), Tags("Identity")]
    public static async Task<IResult> CreateToken(CreateTokenRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        if (Input.Required("name", request.Name, 100) is { } bad) return Problems.Of(bad);
        var account = await session.LoadAsync<Account>(actor.AccountId);
        if (account is null) return Problems.Of(Rejection.Unauthenticated());
        var token = session.IssueToken(account, request.Name!.Trim(), clock.GetUtcNow(), out var secret);
        // The secret is shown this once; only its hash is kept.
        return Results.Created($"/api/me/tokens/{token.Id}", new { tokenId = token.Id, name = token.Name, token = secret });
    }

    [WolverineGet("/api/me/tokens"), Tags("Identity")]
    public static async Task<IResult> ListTokens(ClaimsPrincipal user, IQuerySession session)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var tokens = await session.Query<ApiToken>().Where(t => t.AccountId == actor.AccountId && t.RevokedAt == null)
            .OrderBy(t => t.CreatedAt).ToListAsync();
        return Results.Ok(tokens.Select(t => new { tokenId = t.Id, t.Name, t.CreatedAt }));
    }

    [WolverineDelete("/api/me/tokens/{tokenId}"), Tags("Identity")]
    public static async Task<IResult> RevokeToken(Guid tokenId, ClaimsPrincipal user, IDocumentSession session, TokenConnections connections, TimeProvider clock)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var token = await session.LoadAsync<ApiToken>(tokenId);
        if (token is null || token.AccountId != actor.AccountId || token.RevokedAt is not null)
            return Problems.Of(Rejection.NotFound("token-not-found", $"You have no active token {tokenId}."));
        token.RevokedAt = clock.GetUtcNow();
        session.Store(token);
        await session.SaveChangesAsync();
        // Its open hub connections end now: a connection is authenticated once, when it opens.
        connections.End(token.Id);
        return Results.NoContent();
    }
}
