using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Tests.Support;

namespace Forum.Tests.Forums;

public class ForumDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ForumId = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    private static readonly Actor Admin = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a1"), "admin@forum.test", true);
    private static readonly Actor Secretary = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a2"), "sec@forum.test", false);
    private static readonly Actor Observer = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a3"), "obs@forum.test", false);
    private static readonly Guid Gov = Guid.Parse("0193f000-0000-7000-8000-000000000011");
    private static readonly Guid Gov2 = Guid.Parse("0193f000-0000-7000-8000-000000000012");
    private static readonly Guid Cso = Guid.Parse("0193f000-0000-7000-8000-000000000013");
    private static readonly Guid Other = Guid.Parse("0193f000-0000-7000-8000-000000000014");
    private static readonly Guid Obs = Guid.Parse("0193f000-0000-7000-8000-000000000015");

    private static readonly object Established = new ForumEstablished(ForumId, "Anti-corruption forum", "Ukraine", "uk", "", Admin.AccountId, Now);
    private static readonly object SecretariatOn = new SecretariatAssigned(ForumId, Secretary.Email, Admin.AccountId, Now);
    private static MemberAdmitted Admitted(Guid id, StakeholderGroup g, MemberRole role = MemberRole.Member, string? email = null) =>
        new(ForumId, id, $"Member {id.ToString()[^2..]}", email ?? $"m{id.ToString()[^2..]}@forum.test", "Org", g, role, Admin.AccountId, Now);

    private static Spec<ForumState> Given(params object[] events) => new Spec<ForumState>().Given(events);

    [Fact]
    public void Given_nothing_When_administrator_establishes_Then_forum_established()
    {
        var verdict = ForumDecider.Establish(new EstablishForum(ForumId, " Anti-corruption forum ", "Ukraine", "UK", null), Admin, Now);
        verdict.Events.ShouldBe([new ForumEstablished(ForumId, "Anti-corruption forum", "Ukraine", "uk", "", Admin.AccountId, Now)]);
    }

    [Fact]
    public void Given_nothing_When_a_non_administrator_establishes_Then_rejected() =>
        ForumDecider.Establish(new EstablishForum(ForumId, "F", "Ukraine", "uk", null), Secretary, Now).Rejection!.Rule.ShouldBe("administrator-only");

    [Theory]
    [InlineData(null, "Ukraine", "uk", "name", "field-required")]
    [InlineData("F", "", "uk", "country", "field-required")]
    [InlineData("F", "Ukraine", "ukrainian", "language", "language-code")]
    public void Given_nothing_When_establishing_with_bad_fields_Then_the_field_is_named(string? name, string? country, string? language, string field, string rule)
    {
        var rejection = ForumDecider.Establish(new EstablishForum(ForumId, name, country, language, null), Admin, Now).Rejection!;
        rejection.Kind.ShouldBe(RejectionKind.Invalid);
        rejection.Field.ShouldBe(field);
        rejection.Rule.ShouldBe(rule);
    }

    [Fact]
    public void Given_forum_When_secretariat_admits_a_member_Then_member_admitted_with_normalised_email() =>
        Given(Established, SecretariatOn)
            .When(f => ForumDecider.Admit(f, new AdmitMember(ForumId, Gov, "Олена Коваль", " Olena@Gov.UA ", "Ministry of Justice", StakeholderGroup.Government, MemberRole.Member), Secretary, Now))
            .Then(new MemberAdmitted(ForumId, Gov, "Олена Коваль", "olena@gov.ua", "Ministry of Justice", StakeholderGroup.Government, MemberRole.Member, Secretary.AccountId, Now));

    [Fact]
    public void Given_member_When_the_same_address_is_admitted_again_Then_rejected() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government, email: "same@forum.test"))
            .When(f => ForumDecider.Admit(f, new AdmitMember(ForumId, Cso, "Other name", "SAME@forum.test", "", StakeholderGroup.CivilSociety, MemberRole.Member), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "member-email-unique");

    [Fact]
    public void Given_forum_When_an_observer_admits_Then_forbidden() =>
        Given(Established, Admitted(Obs, StakeholderGroup.Other, MemberRole.Observer, Observer.Email))
            .When(f => ForumDecider.Admit(f, new AdmitMember(ForumId, Gov, "X", "x@forum.test", "", StakeholderGroup.Government, MemberRole.Member), Observer, Now))
            .ThenRejected(RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_forum_When_nobody_admits_Then_unauthenticated() =>
        Given(Established)
            .When(f => ForumDecider.Admit(f, new AdmitMember(ForumId, Gov, "X", "x@forum.test", "", StakeholderGroup.Government, MemberRole.Member), null, Now))
            .ThenRejected(RejectionKind.Unauthenticated, "sign-in-required");

    [Fact]
    public void Given_government_member_When_appointed_Then_co_chair_appointed() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government))
            .When(f => ForumDecider.Appoint(f, new AppointCoChair(ForumId, Gov), Admin, Now))
            .Then(new CoChairAppointed(ForumId, Gov, StakeholderGroup.Government, Admin.AccountId, Now));

    [Fact]
    public void Given_government_co_chair_When_a_second_government_member_is_appointed_Then_rejected() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government), Admitted(Gov2, StakeholderGroup.Government),
                new CoChairAppointed(ForumId, Gov, StakeholderGroup.Government, Admin.AccountId, Now))
            .When(f => ForumDecider.Appoint(f, new AppointCoChair(ForumId, Gov2), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "one-co-chair-per-group");

    [Fact]
    public void Given_government_co_chair_stood_down_When_another_is_appointed_Then_appointed() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government), Admitted(Gov2, StakeholderGroup.Government),
                new CoChairAppointed(ForumId, Gov, StakeholderGroup.Government, Admin.AccountId, Now),
                new CoChairStoodDown(ForumId, Gov, Admin.AccountId, Now))
            .When(f => ForumDecider.Appoint(f, new AppointCoChair(ForumId, Gov2), Admin, Now))
            .Then(new CoChairAppointed(ForumId, Gov2, StakeholderGroup.Government, Admin.AccountId, Now));

    [Fact]
    public void Given_government_co_chair_When_civil_society_member_is_appointed_Then_two_co_chairs() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government), Admitted(Cso, StakeholderGroup.CivilSociety),
                new CoChairAppointed(ForumId, Gov, StakeholderGroup.Government, Admin.AccountId, Now))
            .When(f => ForumDecider.Appoint(f, new AppointCoChair(ForumId, Cso), Admin, Now))
            .Then(new CoChairAppointed(ForumId, Cso, StakeholderGroup.CivilSociety, Admin.AccountId, Now));

    [Fact]
    public void Given_member_of_group_other_When_appointed_Then_rejected() =>
        Given(Established, Admitted(Other, StakeholderGroup.Other))
            .When(f => ForumDecider.Appoint(f, new AppointCoChair(ForumId, Other), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "co-chair-group");

    [Fact]
    public void Given_observer_When_appointed_Then_rejected() =>
        Given(Established, Admitted(Obs, StakeholderGroup.Government, MemberRole.Observer))
            .When(f => ForumDecider.Appoint(f, new AppointCoChair(ForumId, Obs), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "co-chair-votes");

    [Fact]
    public void Given_forum_When_an_unknown_member_is_appointed_Then_not_found() =>
        Given(Established)
            .When(f => ForumDecider.Appoint(f, new AppointCoChair(ForumId, Gov), Admin, Now))
            .ThenRejected(RejectionKind.NotFound, "member-not-found");

    [Fact]
    public void Given_co_chair_When_removed_Then_rejected_until_stood_down() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government), new CoChairAppointed(ForumId, Gov, StakeholderGroup.Government, Admin.AccountId, Now))
            .When(f => ForumDecider.Remove(f, new RemoveMember(ForumId, Gov), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "co-chair-stands-down-first");

    [Fact]
    public void Given_member_When_removed_Then_member_removed() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government))
            .When(f => ForumDecider.Remove(f, new RemoveMember(ForumId, Gov), Admin, Now))
            .Then(new MemberRemoved(ForumId, Gov, Admin.AccountId, Now));

    [Fact]
    public void Given_co_chair_When_made_observer_Then_rejected() =>
        Given(Established, Admitted(Gov, StakeholderGroup.Government), new CoChairAppointed(ForumId, Gov, StakeholderGroup.Government, Admin.AccountId, Now))
            .When(f => ForumDecider.ChangeRole(f, new ChangeMemberRole(ForumId, Gov, MemberRole.Observer), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "co-chair-votes");

    [Fact]
    public void Given_member_When_made_observer_Then_role_changed_and_same_role_again_changes_nothing()
    {
        Given(Established, Admitted(Gov, StakeholderGroup.Government))
            .When(f => ForumDecider.ChangeRole(f, new ChangeMemberRole(ForumId, Gov, MemberRole.Observer), Admin, Now))
            .Then(new MemberRoleChanged(ForumId, Gov, MemberRole.Observer, Admin.AccountId, Now));
        Given(Established, Admitted(Gov, StakeholderGroup.Government))
            .When(f => ForumDecider.ChangeRole(f, new ChangeMemberRole(ForumId, Gov, MemberRole.Member), Admin, Now))
            .Then();
    }

    [Theory]
    [InlineData(0.0, false, null, "quorumShare", "quorum-share-range")]
    [InlineData(1.5, false, null, "quorumShare", "quorum-share-range")]
    [InlineData(0.5, true, 0.5, "voteThreshold", "vote-threshold-range")]
    public void Given_forum_When_rules_are_out_of_range_Then_the_field_is_named(double quorum, bool fallback, double? threshold, string field, string rule)
    {
        var rejection = ForumDecider.SetRules(Spec<ForumState>.Fold([Established]), new SetForumRules(ForumId, quorum, false, fallback, threshold), Admin, Now).Rejection!;
        rejection.Field.ShouldBe(field);
        rejection.Rule.ShouldBe(rule);
    }

    [Fact]
    public void Given_forum_When_rules_set_with_vote_fallback_Then_rules_set() =>
        Given(Established, SecretariatOn)
            .When(f => ForumDecider.SetRules(f, new SetForumRules(ForumId, 0.5, true, true, 0.66), Secretary, Now))
            .Then(new ForumRulesSet(ForumId, 0.5, true, true, 0.66, Secretary.AccountId, Now));

    [Fact]
    public void Given_forum_When_secretary_assigns_secretariat_Then_only_administrator_may() =>
        Given(Established, SecretariatOn)
            .When(f => ForumDecider.AssignSecretariat(f, new AssignSecretariat(ForumId, "new@forum.test"), Secretary, Now))
            .ThenRejected(RejectionKind.Forbidden, "administrator-only");

    [Fact]
    public void Given_roles_Then_access_is_by_role()
    {
        var forum = Spec<ForumState>.Fold([Established, SecretariatOn, Admitted(Obs, StakeholderGroup.Other, MemberRole.Observer, Observer.Email)]);
        ForumAccess.RoleOf(forum, Admin).ShouldBe(ForumRole.Secretariat);
        ForumAccess.RoleOf(forum, Secretary).ShouldBe(ForumRole.Secretariat);
        ForumAccess.RoleOf(forum, Observer).ShouldBe(ForumRole.Observer);
        ForumAccess.RoleOf(forum, new Actor(Guid.NewGuid(), "stranger@x.org", false)).ShouldBe(ForumRole.None);
        ForumAccess.RoleOf(forum, null).ShouldBe(ForumRole.None);
    }
}
