using Forum.Domain.Common;
using Forum.Host.Forums.Finding;
using Forum.Projections.ActionPlans;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Identity.Preferences;

/// <summary>When a person last looked, and where the weekly digest stands: kept apart from the preferences they set.</summary>
public sealed class DigestMarks
{
    public Guid Id { get; set; }
    public DateTimeOffset? LastVisitAt { get; set; }
    /// <summary>The start of the visit before the current one: "since your last visit" counts from here.</summary>
    public DateTimeOffset? PreviousVisitAt { get; set; }
    /// <summary>Raised whenever the digest is turned on or off, so a weekly message scheduled before is recognised as stale.</summary>
    public int WeeklyRound { get; set; }
    public DateTimeOffset? LastWeeklyAt { get; set; }
    public WeeklyDigest? LastWeekly { get; set; }
}

public sealed record WeeklyDigest(DateTimeOffset Since, DateTimeOffset Until, IReadOnlyDictionary<string, int> Counts, int Entries);

/// <summary>What changed in a person's forums (and answers to their own proposals) between two moments, newest first.</summary>
public static class MemberDigest
{
    /// <summary>Within an hour, looking again is the same visit: a page reloaded does not empty the list.</summary>
    public static readonly TimeSpan Visit = TimeSpan.FromHours(1);
    public static readonly TimeSpan FirstLook = TimeSpan.FromDays(14);
    public const int MaxEntries = 500;

    public static async Task<IReadOnlyList<DigestEntry>> Between(IQuerySession store, Actor actor, DateTimeOffset since, DateTimeOffset until)
    {
        var forums = (await ListForumsEndpoint.VisibleTo(store, actor)).Select(f => f.Id).ToList();
        var account = actor.AccountId;
        return await store.Query<DigestEntry>()
            .Where(e => e.At > since && e.At <= until && (forums.Contains(e.ForumId) || e.Submitter == account))
            .OrderByDescending(e => e.At).Take(MaxEntries).ToListAsync();
    }

    /// <summary>The kinds of change, in the order a digest lists their counts.</summary>
    public static readonly string[] Kinds =
        ["ProposalSubmitted", "ProposalAnswered", "CommitmentDrafted", "CommitmentAdopted", "ProgressReported", "AssessmentRecorded", "DecisionRecorded", "MinutesPublished"];

    /// <summary>A decision's (or an adoption's) outcome is worded as the room's; a level or a proposal's answer as the digest's.</summary>
    public static string LevelKey(string kind, string level) => kind is "DecisionRecorded" or "CommitmentAdopted" ? $"outcome.{level}" : $"digest.level.{level}";

    /// <summary>The page a person opens for an entry: the API address without <c>/api</c> (the minutes' PDF is itself the page).</summary>
    public static string PageOf(string link) => link.StartsWith("/api/minutes/", StringComparison.Ordinal) || !link.StartsWith("/api/", StringComparison.Ordinal) ? link : link[4..];

    public static IReadOnlyDictionary<string, int> Counts(IEnumerable<DigestEntry> entries) =>
        entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
}

public static class DigestEndpoint
{
    /// <summary>"What changed while you were away": since the start of the previous visit, or since <c>since</c> when given.</summary>
    [WolverineGet("/api/me/digest"), Tags("Identity")]
    public static async Task<IResult> Get(DateTimeOffset? since, [NotBody] Actor actor, IDocumentSession store, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var marks = await store.LoadAsync<DigestMarks>(actor.AccountId) ?? new DigestMarks { Id = actor.AccountId };
        if (marks.LastVisitAt is not { } last || now - last > MemberDigest.Visit) marks.PreviousVisitAt = marks.LastVisitAt ?? now - MemberDigest.FirstLook;
        marks.LastVisitAt = now;
        store.Store(marks);
        var from = since?.ToUniversalTime() ?? marks.PreviousVisitAt!.Value;
        var entries = await MemberDigest.Between(store, actor, from, now);
        return Results.Ok(new
        {
            since = from, until = now, counts = MemberDigest.Counts(entries),
            entries = entries.Select(e => new { e.Kind, e.ForumId, e.ActionPlanId, e.Number, e.Title, e.By, e.Level, e.Detail, e.Link, page = MemberDigest.PageOf(e.Link), e.At }),
        });
    }
}

/// <summary>The weekly digest's durable, scheduled run for one account; the mail is <see cref="SendWeeklyDigest"/>.</summary>
public sealed record WeeklyDigestDue(Guid AccountId, int Round)
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(7);
    public static DeliveryMessage<WeeklyDigestDue> Next(Guid accountId, int round, DateTimeOffset now) =>
        new WeeklyDigestDue(accountId, round).ScheduledAt(now + Every);
}

public static class WeeklyDigestDueHandler
{
    /// <summary>
    /// Gathers the week since the last run and schedules the next one; a message from a round since turned off or on again
    /// is stale and does nothing, so turning the digest off and on never sends two.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(WeeklyDigestDue m, IDocumentSession store, TimeProvider clock)
    {
        var outgoing = new OutgoingMessages();
        var marks = await store.LoadAsync<DigestMarks>(m.AccountId);
        var account = await store.LoadAsync<Account>(m.AccountId);
        if (account?.Digest != DigestFrequency.Weekly || marks is null || marks.WeeklyRound != m.Round) return outgoing;
        var now = clock.GetUtcNow();
        var since = marks.LastWeeklyAt ?? now - WeeklyDigestDue.Every;
        var entries = await MemberDigest.Between(store, new Actor(account.Id, account.Email, account.IsAdministrator), since, now);
        marks.LastWeekly = new WeeklyDigest(since, now, MemberDigest.Counts(entries), entries.Count);
        marks.LastWeeklyAt = now;
        store.Store(marks);
        // A quiet week sends no mail; the next run is planned either way, while the digest stays on.
        if (entries.Count > 0) outgoing.Add(new SendWeeklyDigest(m.AccountId, m.Round, since, now));
        outgoing.Add(WeeklyDigestDue.Next(m.AccountId, m.Round, now));
        return outgoing;
    }
}
