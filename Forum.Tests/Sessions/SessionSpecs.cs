using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Domain.Sessions.Voting;

namespace Forum.Tests.Sessions;

/// <summary>A forum of two co-chairs, members of each group and an observer, and a session live on a decision item: the Given of the session's specs.</summary>
public abstract class SessionSpecs
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    protected static readonly Guid F = Guid.Parse("0193f000-0000-7000-8000-0000000000f1");
    protected static readonly Guid S = Guid.Parse("0193f000-0000-7000-8000-0000000000e1");
    protected static readonly Guid Item = Guid.Parse("0193f000-0000-7000-8000-0000000000d1");
    protected static readonly Guid Info = Guid.Parse("0193f000-0000-7000-8000-0000000000d2");
    protected static readonly Guid Sub = Guid.Parse("0193f000-0000-7000-8000-0000000000c1");

    protected static readonly Actor Admin = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a1"), "admin@forum.test", true);
    protected static Actor ActorOf(Member m) => new(m.MemberId, m.Email, false);
    protected static readonly Actor Stranger = new(Guid.NewGuid(), "stranger@x.test", false);

    protected static readonly Member GovChair = M("01", StakeholderGroup.Government);
    protected static readonly Member CsoChair = M("02", StakeholderGroup.CivilSociety);
    protected static readonly Member Gov = M("03", StakeholderGroup.Government);
    protected static readonly Member Cso = M("04", StakeholderGroup.CivilSociety);
    protected static readonly Member Observer = M("05", StakeholderGroup.Other, MemberRole.Observer);

    protected static Member M(string n, StakeholderGroup g, MemberRole role = MemberRole.Member) =>
        new(Guid.Parse($"0193f000-0000-7000-8000-0000000000{n}"), $"Member {n}", $"m{n}@forum.test", "Org", g, role);

    /// <summary>The forum's history: established, five members admitted, two co-chairs.</summary>
    protected static readonly object[] ForumHistory = new object[]
    {
        new ForumEstablished(F, "Forum", "Ukraine", "uk", "", Admin.AccountId, Now),
    }.Concat(new[] { GovChair, CsoChair, Gov, Cso, Observer }.Select(m => (object)new MemberAdmitted(F, m.MemberId, m.Name, m.Email, m.Organisation, m.Group, m.Role, Admin.AccountId, Now)))
     .Append(new CoChairAppointed(F, GovChair.MemberId, StakeholderGroup.Government, Admin.AccountId, Now))
     .Append(new CoChairAppointed(F, CsoChair.MemberId, StakeholderGroup.CivilSociety, Admin.AccountId, Now)).ToArray();

    protected static readonly ForumState Forum = Spec<ForumState>.Fold(ForumHistory);

    protected static readonly object Scheduled = new SessionScheduled(S, F, "Plenary", Now.AddHours(1), Now.AddHours(4), SessionMode.Hybrid, "Kyiv", "https://meet.example.org/x", "uk", Admin.AccountId, Now);
    protected static readonly object DecisionItem = new AgendaItemAdded(S, Item, "Commitment 3", "", ItemKind.Decision, "", 30, Admin.AccountId, Now);
    protected static readonly object InfoItem = new AgendaItemAdded(S, Info, "Report", "", ItemKind.Information, "", 10, Admin.AccountId, Now);
    protected static readonly object Opened = new SessionOpened(S,
        new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 2, [StakeholderGroup.CivilSociety] = 2, [StakeholderGroup.Other] = 0 },
        ForumRules.Default, [GovChair.MemberId, CsoChair.MemberId], Admin.AccountId, Now);
    protected static object In(Member m, Presence p = Presence.InRoom) => new ParticipantCheckedIn(S, m.MemberId, m.Name, m.Group, m.Role, p, null, Now);
    protected static readonly object ItemOpened = new AgendaItemOpened(S, Item, Admin.AccountId, Now);
    protected static object Pos(Member m, Stance s, string statement = "why") => new PositionSubmitted(S, Item, m.MemberId, s, statement, null, Sub, Now);

    protected static object[] Live => [Scheduled, DecisionItem, InfoItem, Opened, In(GovChair), In(CsoChair, Presence.Online), In(Gov), In(Cso, Presence.Online), In(Observer), ItemOpened];

    protected static SessionSpec Given(params object[] events) => new(events);

    protected sealed class SessionSpec(object[] given)
    {
        private readonly Spec<SessionState> _spec = new Spec<SessionState>().Given(given);
        public Spec<SessionState> When(Func<SessionState, Verdict> decide) => _spec.When(decide);
        /// <summary>For the rules that take positions: those the given events leave standing, as the host reads them from the board.</summary>
        public Spec<SessionState> When(Func<SessionState, GivenPositions, Verdict> decide) => _spec.When(s => decide(s, new GivenPositions(given)));
    }

    protected sealed class GivenPositions(object[] given)
    {
        private readonly Dictionary<(Guid Item, Guid Member), PositionState> _positions = given.Aggregate(new Dictionary<(Guid, Guid), PositionState>(), (d, e) =>
        {
            if (e is PositionSubmitted p) d[(p.ItemId, p.MemberId)] = new PositionState(p.Stance, p.Statement, p.At);
            if (e is PositionWithdrawn w && d.TryGetValue((w.ItemId, w.MemberId), out var before)) d[(w.ItemId, w.MemberId)] = before with { Withdrawn = true, At = w.At };
            return d;
        });

        public PositionState? Of(Guid item, Member m) => _positions.GetValueOrDefault((item, m.MemberId));
        public IReadOnlyDictionary<Guid, PositionState> On(Guid item) =>
            _positions.Where(p => p.Key.Item == item && !p.Value.Withdrawn).ToDictionary(p => p.Key.Member, p => p.Value);
    }
}
