using Forum.Domain.Common;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Identity.Preferences;

public enum DigestFrequency { Off, Weekly }

/// <summary>
/// The digest preference, kept on the account beside the language (one small document: <see cref="Account"/>), set through
/// the same <c>PUT /api/me/preferences</c>.
/// </summary>
public static class DigestPreference
{
    /// <summary>Turning the weekly digest on schedules its first run a week from now; turning it off retires the one pending.</summary>
    public static async Task<OutgoingMessages> Set(IDocumentSession store, Account account, DigestFrequency? digest, DateTimeOffset now)
    {
        var outgoing = new OutgoingMessages();
        if (digest is not { } wanted || wanted == account.Digest) return outgoing;
        account.Digest = wanted;
        var marks = await store.LoadAsync<DigestMarks>(account.Id) ?? new DigestMarks { Id = account.Id };
        marks.WeeklyRound++;
        marks.LastWeeklyAt ??= now;
        store.Store(marks);
        if (wanted == DigestFrequency.Weekly) outgoing.Add(WeeklyDigestDue.Next(account.Id, marks.WeeklyRound, now));
        return outgoing;
    }
}

public static class GetPreferencesEndpoint
{
    [WolverineGet("/api/me/preferences"), Tags("Identity")]
    public static async Task<IResult> Get([NotBody] Actor actor, IQuerySession store) =>
        await store.LoadAsync<Account>(actor.AccountId) is { } account
            ? Results.Ok(new { language = account.Language, digest = account.Digest })
            : Forum.Host.Infrastructure.Problems.Of(Rejection.Unauthenticated());
}
