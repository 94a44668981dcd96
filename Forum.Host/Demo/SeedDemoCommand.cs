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
        return (forumId, sessionId);
    }

    private static IReadOnlyList<object> Must(Verdict verdict) =>
        verdict.Rejection is { } r ? throw new InvalidOperationException($"Demo seed refused: {r.Rule}: {r.Detail}") : verdict.Events;
}
