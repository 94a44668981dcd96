using Forum.Domain.ActionPlans;
using Forum.Domain.Forums;
using Forum.Domain.Forums.Standards;
using Forum.Host.Forums.Public;
using Marten;

namespace Forum.Host.Reports.Ogp;

/// <summary>
/// The forum's public record as the OGP standards read it (ADR 0018): held sessions and past meetings, and every time the
/// repository gained something. A session's attendance, speaking time and answers count only once its minutes are
/// published; until then only its date does, as on the public page.
/// </summary>
public static class OgpReportSource
{
    public static async Task<OgpReport?> ReportAsync(IQuerySession session, Guid forumId, DateTimeOffset now, CancellationToken ct) =>
        await PublicSources.LoadAsync(session, forumId, ct) is { } sources ? OgpStandards.Report(Facts(sources), now) : null;

    public static ForumFacts Facts(PublicSources s)
    {
        var forumId = s.Roster.Id;
        var page = new EvidenceLink("The forum's public page", PublicSources.PageOf(forumId));
        var sessions = s.Sessions.Where(m => m.Held).Select(m =>
        {
            var minutes = s.PublishedMinutes.GetValueOrDefault(m.Id);
            var published = minutes is not null;
            return new MeetingFacts(m.Id, MeetingKind.Session, m.Title, m.OpenedAt!.Value, published,
                published ? m.Attendance : new Dictionary<StakeholderGroup, int>(), published ? m.SpeakingSeconds : null,
                published ? m.Decisions.Sum(d => d.NotFollowed) : 0, published ? m.Decisions.Sum(d => d.Answered) : 0,
                published, minutes?.PublishedAt,
                published ? new EvidenceLink($"Signed minutes of {m.Title}", PublicSources.MinutesPdfOf(minutes!.Id)) : null)
            {
                EndedAt = m.ClosedAt,
                // The agenda is public with the minutes, as on the public page.
                LinkedCommitments = published ? m.LinkedCommitments : [],
            };
        });
        var past = s.Record.PastMeetings.Select(p => new MeetingFacts(p.PastMeetingId, MeetingKind.PastMeeting, p.Title, Midnight(p.HeldOn), true,
            p.Attendance, null, 0, 0, p.Minutes is not null, p.MinutesPublishedOn is { } on ? Midnight(on) : null,
            p.Minutes is not null
                ? new EvidenceLink($"Minutes of {p.Title} (SHA-256 {p.Minutes.Sha256})", PublicSources.MinutesFileOf(forumId, p.PastMeetingId))
                : new EvidenceLink($"Record of {p.Title}", PublicSources.PastMeetingOf(forumId, p.PastMeetingId))));
        // What the public repository gained, and when. The action plans' publications join this list when they land.
        var updates = s.PublishedMinutes.Values.Select(v => new RepositoryUpdate(v.PublishedAt!.Value, $"Minutes of {v.SessionTitle} published",
                new EvidenceLink($"Signed minutes of {v.SessionTitle}", PublicSources.MinutesPdfOf(v.Id))))
            .Concat(s.Record.RulesSet.Select(at => new RepositoryUpdate(at, "Rules set", page)))
            .Concat(s.Record.PastMeetings.Where(p => p.Minutes is not null).Select(p => new RepositoryUpdate(
                p.MinutesPublishedOn is { } on ? Midnight(on) : p.RecordedAt, $"Minutes of {p.Title}",
                new EvidenceLink($"Minutes of {p.Title}", PublicSources.MinutesFileOf(forumId, p.PastMeetingId)))))
            .OrderBy(u => u.At).ToList();
        var plans = s.ActionPlans.Select(p =>
        {
            var proposals = s.Proposals.Where(x => x.ActionPlanId == p.Id).ToList();
            return new PlanFacts(p.Id, p.Title, p.Status != ActionPlanStatus.Open, p.AdoptedAt, proposals.Count, proposals.Count(x => x.Response is not null),
                new EvidenceLink($"Proposals to {p.Title} and their responses", PublicSources.ProposalsOf(p.Id)));
        }).ToList();
        var commitments = s.Commitments.Select(c => new CommitmentFacts(c.Id, c.Terms.Title, c.Adoption?.At,
            [.. c.Reports.Select(r => r.At), .. c.Assessments.Select(a => a.At)])).ToList();
        return new ForumFacts(forumId, s.Roster.Name, s.Record.EstablishedAt, s.Record.RulesSetAt, [.. sessions, .. past], updates, page)
        {
            ActionPlans = plans, Commitments = commitments,
        };
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
