using Microsoft.Extensions.Options;

namespace Forum.Host.Identity;

/// <summary>On start: the first secretariat account (the platform administrator) exists, and its sign-in link is printed when it is new.</summary>
public sealed class SecretariatBootstrap(IDocumentStore store, IOptions<ForumOptions> options, TimeProvider clock, ILogger<SecretariatBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (o.SecretariatEmail is not { } email || string.IsNullOrWhiteSpace(email)) return;
        try { await Ensure(o, email, ct); }
        // Hosts starting together on a new database both find no account and both create it: the one whose insert
        // loses (the e-mail is unique) finds the other's.
        catch (Exception e) when (IsUniqueViolation(e)) { await Ensure(o, email, ct); }
    }

    private static bool IsUniqueViolation(Exception? e) =>
        e is not null && (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } || IsUniqueViolation(e.InnerException));

    private async Task Ensure(ForumOptions o, string email, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var existing = await session.FindByEmail(email, ct);
        var account = existing ?? await session.FindOrCreate(email, clock.GetUtcNow(), administrator: true);
        if (!account.IsAdministrator) { account.IsAdministrator = true; session.Store(account); }
        if (existing is null || o.PrintSignInLinkOnStart)
        {
            var secret = session.IssueSignInLink(account.Email, null, clock.GetUtcNow().AddMinutes(o.SignInLinkMinutes));
            log.LogWarning("Sign in as the secretariat ({Email}) within {Minutes} minutes: {Link}",
                account.Email, o.SignInLinkMinutes, o.Link($"/auth/link/{secret}"));
        }
        await session.SaveChangesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
