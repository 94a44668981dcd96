using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Identity.Preferences;

public enum DigestFrequency { Off, Weekly }

/// <summary>
/// A person's preferences, one small document per account (its id is the account's). Each setting is optional in the PUT,
/// so settings added later (the language) sit beside the digest without one overwriting the other.
/// </summary>
public sealed class AccountPreferences
{
    public Guid Id { get; set; }
    public DigestFrequency Digest { get; set; } = DigestFrequency.Off;
}

public sealed record PreferencesRequest(DigestFrequency? Digest);

public static class PreferencesEndpoints
{
    [WolverineGet("/api/me/preferences"), Tags("Identity")]
    public static async Task<IResult> Get([NotBody] Actor actor, IQuerySession store) =>
        Results.Ok(Shown(await store.LoadAsync<AccountPreferences>(actor.AccountId) ?? new AccountPreferences { Id = actor.AccountId }));

    /// <summary>Turning the weekly digest on schedules its first run a week from now; turning it off retires the one pending.</summary>
    [WolverinePut("/api/me/preferences"), Tags("Identity")]
    public static async Task<(IResult, OutgoingMessages)> Put(PreferencesRequest r, [NotBody] Actor actor, IDocumentSession store, TimeProvider clock)
    {
        var outgoing = new OutgoingMessages();
        var prefs = await store.LoadAsync<AccountPreferences>(actor.AccountId) ?? new AccountPreferences { Id = actor.AccountId };
        if (r.Digest is { } digest && digest != prefs.Digest)
        {
            prefs.Digest = digest;
            var marks = await store.LoadAsync<DigestMarks>(actor.AccountId) ?? new DigestMarks { Id = actor.AccountId };
            marks.WeeklyRound++;
            marks.LastWeeklyAt ??= clock.GetUtcNow();
            store.Store(marks);
            if (digest == DigestFrequency.Weekly) outgoing.Add(WeeklyDigestDue.Next(actor.AccountId, marks.WeeklyRound, clock.GetUtcNow()));
        }
        store.Store(prefs);
        return (Results.Ok(Shown(prefs)), outgoing);
    }

    private static object Shown(AccountPreferences p) => new { digest = p.Digest };
}
