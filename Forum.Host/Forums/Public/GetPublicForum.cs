using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Host.Infrastructure;
using Forum.Host.Minutes.Reviewing;
using Forum.Projections.Forums;
using Marten;
using Wolverine.Http;

namespace Forum.Host.Forums.Public;

public static class GetPublicForumEndpoint
{
    /// <summary>
    /// A forum as anyone may see it, without signing in (MR 1.1, MR 2.2): its description, its rules and when they were
    /// set, members by group with their organisation (never an address), sessions past and coming, meetings from before
    /// Forum, published minutes, action plans. Of a session only its schedule is public until its minutes are published:
    /// no venue, no online link, no agenda.
    /// </summary>
    [WolverineGet("/api/forums/{forumId}/public"), Tags("Public")]
    public static async Task<IResult> Get(Guid forumId, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (await PublicSources.LoadAsync(session, forumId, http.RequestAborted) is not { } s) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var now = clock.GetUtcNow();
        var r = s.Roster;
        var byName = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true);
        // A scheduled session whose time has passed without it opening is past, not coming: it shows as Scheduled, never held.
        var coming = s.Sessions.Where(m => m.Status == SessionStatus.Scheduled && m.EndsAt > now || m.Status == SessionStatus.Cancelled && m.StartsAt > now).ToList();
        return Results.Ok(new
        {
            forumId = r.Id, r.Name, r.Country, r.Language, r.Description, r.EstablishedAt,
            rules = new
            {
                r.Rules.QuorumShare, r.Rules.ParityRequired, r.Rules.VoteFallback, r.Rules.VoteThreshold,
                // Null: the forum never set its rules, and Forum's defaults apply.
                setAt = s.Record.RulesSetAt,
            },
            coChairs = r.Members.Where(m => m.CoChair).OrderBy(m => m.Group).Select(m => new { m.Name, m.Organisation, m.Group }),
            members = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g.ToString(), g => r.Members.Where(m => m.Group == g).OrderBy(m => m.Name, byName)
                .Select(m => new { m.Name, m.Organisation, m.Role, m.CoChair }).ToList()),
            sessions = new
            {
                coming = coming.Select(m => Session(m, s)),
                past = s.Sessions.Except(coming).OrderByDescending(m => m.OpenedAt ?? m.StartsAt).Select(m => Session(m, s)),
            },
            pastMeetings = s.Record.PastMeetings.OrderByDescending(p => p.HeldOn).Select(p => PastMeetingView.Of(r.Id, p)),
            minutes = s.PublishedMinutes.Values.OrderByDescending(v => v.SessionStartsAt).Select(v => new
            {
                minutesId = v.Id, v.SessionId, v.SessionTitle, v.SessionStartsAt, v.Language, v.PublishedAt, v.DocumentSha256, v.KeyId,
                links = MinutesViews.Links(v.Id, v.Status),
            }),
            actionPlans = PublicActionPlans.Of(s),
            links = new { ogpReport = $"/api/forums/{r.Id}/ogp-report", ogpReportCsv = $"/api/forums/{r.Id}/ogp-report.csv", ogpReportPdf = $"/api/forums/{r.Id}/ogp-report.pdf" },
        });
    }

    private static object Session(MeetingRecord m, PublicSources s)
    {
        var minutes = s.PublishedMinutes.GetValueOrDefault(m.Id);
        return new
        {
            sessionId = m.Id, m.Title, m.StartsAt, m.EndsAt, m.Mode, m.Status, heldAt = m.OpenedAt,
            minutes = minutes is null ? null : new { minutesId = minutes.Id, minutes.PublishedAt, links = MinutesViews.Links(minutes.Id, minutes.Status) },
        };
    }
}

public static class PastMeetingView
{
    public static object Of(Guid forumId, PublicPastMeeting p) => new
    {
        p.PastMeetingId, p.HeldOn, p.Title, attendance = p.Attendance, p.RecordedAt,
        minutes = p.Minutes is null ? null : new
        {
            p.Minutes.FileName, p.Minutes.ContentType, p.Minutes.Bytes, p.Minutes.Sha256, publishedOn = p.MinutesPublishedOn,
            href = PublicSources.MinutesFileOf(forumId, p.PastMeetingId),
        },
    };
}
