using Forum.Domain.Forums.PastMeetings;
using Forum.Domain.Sessions.Scheduling;
using Forum.Host.Identity;
using JasperFx.CommandLine;
using Microsoft.Extensions.Options;

namespace Forum.Host.Demo;

public sealed class SeedDemoInput : NetCoreInput
{
    [Description("Hours the printed sign-in links stay valid")]
    [FlagAlias("hours")]
    public int HoursFlag { get; set; } = 12;
}

/// <summary>
/// `./run.sh --demo`: a demo forum with members of all three groups (names in several scripts), two co-chairs, a
/// secretariat and a scheduled hybrid session with an agenda, made through the same deciders the API uses.
/// Idempotent: a second run only prints fresh sign-in links.
/// </summary>
[Description("Seeds a demo forum and prints sign-in links for its co-chair, a participant and the secretariat", Name = "seed-demo")]
public sealed class SeedDemoCommand : JasperFxAsyncCommand<SeedDemoInput>
{
    public const string ForumName = "Demo: Open Government Forum";
    public const string CoChair = "olena.koval@demo.forum.local", Participant = "ani.petrosyan@demo.forum.local", Secretariat = "desk@demo.forum.local";

    public override async Task<bool> Execute(SeedDemoInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var options = host.Services.GetRequiredService<IOptions<ForumOptions>>().Value;
        var (forumId, sessionId) = await Seed(store, TimeProvider.System.GetUtcNow());

        await using var session = store.LightweightSession();
        var expires = DateTimeOffset.UtcNow.AddHours(input.HoursFlag);
        string Link(string email, string returnUrl) => options.Link($"/auth/link/{session.IssueSignInLink(email, returnUrl, expires)}");
        var lines = new[]
        {
            ("co-chair (Олена Коваль, Government)", Link(CoChair, $"/sessions/{sessionId}/console")),
            ("participant (Անի Պետրոսյան, Government)", Link(Participant, $"/sessions/{sessionId}")),
            ("participant (ნინო ბერიძე, civil society)", Link("nino.beridze@demo.forum.local", $"/sessions/{sessionId}")),
            ("secretariat", Link(Secretariat, $"/sessions/{sessionId}/desk")),
        };
        await session.SaveChangesAsync();
        Console.WriteLine($"Demo forum {forumId}, session {sessionId}. One-time sign-in links (valid {input.HoursFlag} h):");
        foreach (var (who, link) in lines) Console.WriteLine($"  {who,-45} {link}");
        Console.WriteLine($"  {"public page, OGP report (no sign-in)",-45} {options.Link($"/forums/{forumId}/public")}  {options.Link($"/forums/{forumId}/ogp-report")}");
        return true;
    }

    public static async Task<(Guid ForumId, Guid SessionId)> Seed(IDocumentStore store, DateTimeOffset now)
    {
        await using var session = store.LightweightSession();
        var existing = await session.Query<ForumState>().FirstOrDefaultAsync(f => f.Name == ForumName);
        if (existing is not null)
        {
            var board = await session.Query<Forum.Projections.Sessions.SessionBoard>().Where(b => b.ForumId == existing.Id).OrderBy(b => b.StartsAt).FirstAsync();
            return (existing.Id, board.Id);
        }

        var admin = await session.FindOrCreate("demo-admin@demo.forum.local", now, administrator: true);
        var actor = new Actor(admin.Id, admin.Email, true);
        var forumId = Guid.CreateVersion7();
        session.Events.StartStream<ForumState>(forumId,
            Must(ForumDecider.Establish(new EstablishForum(forumId, ForumName, "Armenia", "en",
                "A demo multi-stakeholder forum: government and civil society co-creating the national action plan."), actor, now)).ToArray());
        await session.SaveChangesAsync();

        async Task Forum(Func<ForumState, Verdict> decide)
        {
            var stream = await session.Events.FetchForWriting<ForumState>(forumId);
            stream.AppendMany(Must(decide(stream.Aggregate!)));
            await session.SaveChangesAsync();
        }

        await Forum(f => ForumDecider.AssignSecretariat(f, new AssignSecretariat(forumId, Secretariat), actor, now));
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, email, org, group, role) in new[]
        {
            ("Олена Коваль", CoChair, "Ministry of Justice", StakeholderGroup.Government, MemberRole.Member),
            ("Անի Պետրոսյան", Participant, "Office of the Prime Minister", StakeholderGroup.Government, MemberRole.Member),
            ("ნინო ბერიძე", "nino.beridze@demo.forum.local", "Transparency Georgia", StakeholderGroup.CivilSociety, MemberRole.Member),
            ("Ion Rusu", "ion.rusu@demo.forum.local", "Open Data Moldova", StakeholderGroup.CivilSociety, MemberRole.Member),
            ("Aram Hakobyan", "aram.hakobyan@demo.forum.local", "Yerevan State University", StakeholderGroup.Other, MemberRole.Member),
            ("Press pool", "press@demo.forum.local", "Public broadcaster", StakeholderGroup.Other, MemberRole.Observer),
        })
        {
            var memberId = Guid.CreateVersion7();
            ids[email] = memberId;
            await Forum(f => ForumDecider.Admit(f, new AdmitMember(forumId, memberId, name, email, org, group, role), actor, now));
        }
        await Forum(f => ForumDecider.Appoint(f, new AppointCoChair(forumId, ids[CoChair]), actor, now));
        await Forum(f => ForumDecider.Appoint(f, new AppointCoChair(forumId, ids["nino.beridze@demo.forum.local"]), actor, now));
        // Consensus first, a vote as fallback (two thirds of Yes and No): so the demo's console can hold a vote round.
        await Forum(f => ForumDecider.SetRules(f, new SetForumRules(forumId, 0.5, false, true, 2.0 / 3), actor, now));

        var forum = (await session.Events.FetchForWriting<ForumState>(forumId)).Aggregate!;
        var sessionId = Guid.CreateVersion7();
        var starts = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(8), TimeSpan.Zero);
        session.Events.StartStream<SessionState>(sessionId, Must(SchedulingRules.Schedule(forum,
            new ScheduleSession(sessionId, "Spring plenary", starts, starts.AddHours(3), SessionMode.Hybrid, "Yerevan, Government House, hall 2",
                "https://meet.example.org/spring-plenary", "en"), actor, now)).ToArray());
        await session.SaveChangesAsync();
        foreach (var (title, description, kind, presenter, minutes) in new[]
        {
            ("Progress report on the action plan", "The secretariat reports on the twelve commitments.", ItemKind.Information, "Secretariat", 10),
            ("Commitment 3: beneficial ownership register", "Publish the register of beneficial owners as open data.", ItemKind.Decision, "Ministry of Justice", 30),
            ("Public consultation on the draft law on access to information", "How the consultation is run.", ItemKind.Discussion, "Transparency Georgia", 20),
        })
        {
            var stream = await session.Events.FetchForWriting<SessionState>(sessionId);
            stream.AppendMany(Must(SchedulingRules.AddItem(forum, stream.Aggregate!,
                new AddAgendaItem(Guid.CreateVersion7(), title, description, kind, presenter, minutes), actor, now)));
            await session.SaveChangesAsync();
        }
        await DemoActionPlan.Seed(session, forumId, ids, now);
        await SeedPublicRecord(session, forumId, ids, admin.Id, now);
        return (forumId, sessionId);
    }

    /// <summary>
    /// A past for the public page, the OGP report and the replay: rules set and two meetings from before Forum (their
    /// records appended with the dates they happened, which the commands would stamp with today), then a session held and
    /// closed four months ago with a decision taken on positions.
    /// </summary>
    private static async Task SeedPublicRecord(IDocumentSession session, Guid forumId, Dictionary<string, Guid> ids, Guid by, DateTimeOffset now)
    {
        var founded = now.AddMonths(-20);
        Dictionary<StakeholderGroup, int> Attendance(int gov, int cso, int other) =>
            new() { [StakeholderGroup.Government] = gov, [StakeholderGroup.CivilSociety] = cso, [StakeholderGroup.Other] = other };
        session.Events.Append(forumId,
            new ForumRulesSet(forumId, 0.5, true, true, 0.67, by, founded),
            new PastMeetingRecorded(forumId, Guid.CreateVersion7(), DateOnly.FromDateTime(founded.UtcDateTime), "Founding meeting of the forum", Attendance(5, 4, 1), null, null, by, now),
            new PastMeetingRecorded(forumId, Guid.CreateVersion7(), DateOnly.FromDateTime(now.AddMonths(-13).UtcDateTime), "Autumn meeting on the draft action plan", Attendance(4, 4, 0), null, null, by, now));

        var held = now.AddMonths(-4);
        var sessionId = Guid.CreateVersion7();
        var item = Guid.CreateVersion7();
        var t = held;
        DateTimeOffset Next(double minutes = 1) => t = t.AddMinutes(minutes);
        var (olena, ani, nino, ion) = (ids[CoChair], ids[Participant], ids["nino.beridze@demo.forum.local"], ids["ion.rusu@demo.forum.local"]);
        session.Events.StartStream<SessionState>(sessionId,
            new SessionScheduled(sessionId, forumId, "Winter plenary", held, held.AddHours(2), SessionMode.Hybrid, "Yerevan, Government House, hall 2", "", "en", by, held.AddDays(-14)),
            new AgendaItemAdded(sessionId, item, "Commitment 1: open contracting", "Publish every public contract as open data.", ItemKind.Decision, "Ministry of Finance", 30, by, held.AddDays(-10)),
            new SessionOpened(sessionId, Attendance(2, 2, 1), ForumRules.Default, [olena, nino], by, held),
            new ParticipantCheckedIn(sessionId, olena, "Олена Коваль", StakeholderGroup.Government, MemberRole.Member, Presence.InRoom, null, Next()),
            new ParticipantCheckedIn(sessionId, ani, "Անի Պետրոսյան", StakeholderGroup.Government, MemberRole.Member, Presence.Online, null, Next()),
            new ParticipantCheckedIn(sessionId, nino, "ნინო ბერიძე", StakeholderGroup.CivilSociety, MemberRole.Member, Presence.InRoom, null, Next()),
            new ParticipantCheckedIn(sessionId, ion, "Ion Rusu", StakeholderGroup.CivilSociety, MemberRole.Member, Presence.InRoom, null, Next()),
            new AgendaItemOpened(sessionId, item, olena, Next()),
            new ProposalTabled(sessionId, item, "Publish every public contract above 10,000 EUR on the open data portal by the end of the year.", olena, Next()),
            new FloorGiven(sessionId, olena, olena, Next()),
            new FloorYielded(sessionId, olena, 240, Next(4)),
            new FloorGiven(sessionId, ion, olena, t),
            new FloorYielded(sessionId, ion, 180, Next(3)),
            new PositionSubmitted(sessionId, item, olena, Stance.Support, "", null, Guid.CreateVersion7(), Next()),
            new PositionSubmitted(sessionId, item, ani, Stance.Support, "", null, Guid.CreateVersion7(), Next()),
            new PositionSubmitted(sessionId, item, nino, Stance.Support, "", null, Guid.CreateVersion7(), Next()),
            new PositionSubmitted(sessionId, item, ion, Stance.SupportWithReservations, "The threshold should be lower.", null, Guid.CreateVersion7(), Next()),
            new DecisionRecorded(sessionId, item, Outcome.ConsensusWithReservations, "Every public contract above 10,000 EUR is published as open data by the end of the year.",
                [new ObjectionOnRecord(ion, "Ion Rusu", StakeholderGroup.CivilSociety, Stance.SupportWithReservations, "The threshold should be lower.",
                    "The threshold is reviewed at the next plenary.")],
                [], new Quorum(true, 4, 3, 5, true, true, "4 of 5 voting members present; both groups present."),
                new Dictionary<Stance, int> { [Stance.Support] = 3, [Stance.SupportWithReservations] = 1 }, olena, Next()),
            new AgendaItemClosed(sessionId, item, olena, Next()),
            new SessionClosed(sessionId, olena, Next()));
        await session.SaveChangesAsync();
    }

    private static IReadOnlyList<object> Must(Verdict verdict) =>
        verdict.Rejection is { } r ? throw new InvalidOperationException($"Demo seed refused: {r.Rule}: {r.Detail}") : verdict.Events;
}
