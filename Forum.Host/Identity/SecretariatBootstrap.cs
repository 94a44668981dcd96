using Microsoft.Extensions.Options;

namespace Forum.Host.Identity;

/// <summary>On start: the first secretariat account (the platform administrator) exists, and its sign-in link is printed when it is new.</summary>
public sealed class SecretariatBootstrap(IDocumentStore store, IOptions<ForumOptions> options, TimeProvider clock, ILogger<SecretariatBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SecretariatEmail)) return;
        await using var session = store.LightweightSession();
        var existing = await session.FindByEmail(o.SecretariatEmail, ct);
        var account = existing ?? await session.FindOrCreate(o.SecretariatEmail, clock.GetUtcNow(), administrator: true);
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
