using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Invitations;
using Forum.Domain.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.Invitations;

public class InvitationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Starts = Now.AddDays(3);
    private static readonly Guid ForumId = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    private static readonly Guid SessionId = Guid.Parse("0193f000-0000-7000-8000-000000000051");
    private static readonly Actor Admin = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a1"), "admin@forum.test", true);
    private static readonly Actor Secretary = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a2"), "sec@forum.test", false);
    private static readonly Guid Gov = Guid.Parse("0193f000-0000-7000-8000-000000000011");
    private static readonly Guid Cso = Guid.Parse("0193f000-0000-7000-8000-000000000013");
    private static readonly Guid Obs = Guid.Parse("0193f000-0000-7000-8000-000000000015");
    private static readonly Actor GovMember = new(Guid.Parse("0193f000-0000-7000-8000-0000000000b1"), "gov@forum.test", false);

    private static readonly ForumState Forum = Spec<ForumState>.Fold(
    [
        new ForumEstablished(ForumId, "Open Government Forum", "Moldova", "en", "", Admin.AccountId, Now),
        new SecretariatAssigned(ForumId, Secretary.Email, Admin.AccountId, Now),
        new MemberAdmitted(ForumId, Gov, "Olena Koval", "gov@forum.test", "Ministry", StakeholderGroup.Government, MemberRole.Member, Admin.AccountId, Now),
        new MemberAdmitted(ForumId, Cso, "Ion Rusu", "cso@forum.test", "NGO", StakeholderGroup.CivilSociety, MemberRole.Member, Admin.AccountId, Now),
        new MemberAdmitted(ForumId, Obs, "Press", "press@forum.test", "News", StakeholderGroup.Other, MemberRole.Observer, Admin.AccountId, Now),
    ]);

    private static readonly object Scheduled = new SessionScheduled(SessionId, ForumId, "Spring plenary", Starts, Starts.AddHours(3), SessionMode.Hybrid,
        "Chișinău", "https://meet.example.org/p", "en", Secretary.AccountId, Now.AddDays(-1));

    private static Guid Id(string email) => InvitationRules.InvitationIdFor(SessionId, email);

    private static ParticipantInvited Invited(Guid? memberId, string name, string email, StakeholderGroup group, MemberRole role = MemberRole.Member) =>
        new(SessionId, Id(email), memberId, name, email, group, role, Secretary.AccountId, Now);

    private static readonly ParticipantInvited GovInvited = Invited(Gov, "Olena Koval", "gov@forum.test", StakeholderGroup.Government);
    private static readonly ParticipantInvited CsoInvited = Invited(Cso, "Ion Rusu", "cso@forum.test", StakeholderGroup.CivilSociety);
    private static readonly ParticipantInvited ObsInvited = Invited(Obs, "Press", "press@forum.test", StakeholderGroup.Other, MemberRole.Observer);
    private static readonly ParticipantInvited GuestInvited = Invited(null, "Guest Expert", "guest@uni.test", StakeholderGroup.Other, MemberRole.Observer);

    private static Spec<SessionState> Given(params object[] events) => new Spec<SessionState>().Given([Scheduled, .. events]);

    private static InviteParticipants Members(params Guid[] ids) => new(ids, null, null);
    private static InviteParticipants Guests(params (string? Name, string? Email)[] guests) => new(null, null, guests.Select(g => new GuestInvitee(g.Name, g.Email)).ToList());

    [Fact]
    public void Given_scheduled_session_When_secretariat_invites_all_Then_every_member_invited_by_group_and_name() =>
        Given().When(s => InvitationRules.Invite(Forum, s, new InviteParticipants(null, true, null), Secretary, Now))
            .Then(GovInvited, CsoInvited, ObsInvited);

    [Fact]
    public void Given_scheduled_session_When_secretariat_invites_chosen_members_and_a_guest_Then_guest_joins_as_observer() =>
        Given().When(s => InvitationRules.Invite(Forum, s, new InviteParticipants([Cso], null, [new GuestInvitee(" Guest Expert ", "Guest@Uni.test")]), Secretary, Now))
            .Then(CsoInvited, GuestInvited);

    [Fact]
    public void Given_invited_members_When_invited_again_with_all_Then_only_the_others_are_invited() =>
        Given(GovInvited, GuestInvited).When(s => InvitationRules.Invite(Forum, s, new InviteParticipants(null, true, [new GuestInvitee("Guest", "guest@uni.test")]), Secretary, Now))
            .Then(CsoInvited, ObsInvited);

    [Fact]
    public void Given_everyone_invited_When_invited_again_Then_nothing_happens() =>
        Given(GovInvited).When(s => InvitationRules.Invite(Forum, s, Members(Gov, Gov), Secretary, Now)).Then();

    [Fact]
    public void Given_scheduled_session_When_a_guest_address_is_a_members_Then_invited_as_the_member() =>
        Given().When(s => InvitationRules.Invite(Forum, s, Guests(("Someone", "gov@forum.test")), Secretary, Now)).Then(GovInvited);

    [Fact]
    public void Given_scheduled_session_When_a_member_invites_Then_rejected() =>
        Given().When(s => InvitationRules.Invite(Forum, s, Members(Cso), GovMember, Now)).ThenRejected(RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_scheduled_session_When_an_unknown_member_is_named_Then_not_found_naming_it()
    {
        var unknown = Guid.Parse("0193f000-0000-7000-8000-0000000000ff");
        var verdict = InvitationRules.Invite(Forum, Spec<SessionState>.Fold([Scheduled]), Members(Gov, unknown), Secretary, Now);
        verdict.Rejection!.Rule.ShouldBe("member-not-found");
        verdict.Rejection.Kind.ShouldBe(RejectionKind.NotFound);
        verdict.Rejection.Detail.ShouldContain(unknown.ToString());
        verdict.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "guest@uni.test", "guests[0].name", "field-required")]
    [InlineData("Guest", "not-an-address", "guests[0].email", "email-invalid")]
    [InlineData("Guest", "", "guests[0].email", "field-required")]
    public void Given_scheduled_session_When_a_guest_is_not_valid_Then_the_field_is_named(string? name, string? email, string field, string rule)
    {
        var rejection = InvitationRules.Invite(Forum, Spec<SessionState>.Fold([Scheduled]), Guests((name, email)), Secretary, Now).Rejection!;
        rejection.Kind.ShouldBe(RejectionKind.Invalid);
        rejection.Field.ShouldBe(field);
        rejection.Rule.ShouldBe(rule);
    }

    [Fact]
    public void Given_scheduled_session_When_nobody_is_named_Then_rejected() =>
        Given().When(s => InvitationRules.Invite(Forum, s, new InviteParticipants([], false, []), Secretary, Now)).ThenRejected(RejectionKind.Invalid, "invitees-required");

    [Fact]
    public void Given_cancelled_session_When_inviting_Then_rejected() =>
        Given(new SessionCancelled(SessionId, "No quorum expected", Secretary.AccountId, Now))
            .When(s => InvitationRules.Invite(Forum, s, Members(Gov), Secretary, Now)).ThenRejected(RejectionKind.Conflict, "session-not-scheduled");

    [Fact]
    public void Given_open_session_When_inviting_Then_rejected() =>
        Given(new SessionOpened(SessionId, new Dictionary<StakeholderGroup, int>(), ForumRules.Default, [], Admin.AccountId, Starts))
            .When(s => InvitationRules.Invite(Forum, s, Members(Gov), Secretary, Starts)).ThenRejected(RejectionKind.Conflict, "session-not-scheduled");

    [Fact]
    public void Given_an_invitation_When_answered_before_the_start_Then_answered() =>
        Given(GovInvited).When(s => InvitationRules.Answer(s, new AnswerInvitation(GovInvited.InvitationId, RsvpAnswer.Online), Now))
            .Then(new InvitationAnswered(SessionId, GovInvited.InvitationId, RsvpAnswer.Online, Now));

    [Fact]
    public void Given_an_answer_When_changed_before_the_start_Then_answered_again() =>
        Given(GovInvited, new InvitationAnswered(SessionId, GovInvited.InvitationId, RsvpAnswer.Online, Now))
            .When(s => InvitationRules.Answer(s, new AnswerInvitation(GovInvited.InvitationId, RsvpAnswer.Decline), Now.AddHours(1)))
            .Then(new InvitationAnswered(SessionId, GovInvited.InvitationId, RsvpAnswer.Decline, Now.AddHours(1)));

    [Fact]
    public void Given_an_answer_When_the_same_answer_is_given_again_Then_nothing_happens() =>
        Given(GovInvited, new InvitationAnswered(SessionId, GovInvited.InvitationId, RsvpAnswer.InRoom, Now))
            .When(s => InvitationRules.Answer(s, new AnswerInvitation(GovInvited.InvitationId, RsvpAnswer.InRoom), Now)).Then();

    [Fact]
    public void Given_an_invitation_When_answered_at_the_start_Then_rejected() =>
        Given(GovInvited).When(s => InvitationRules.Answer(s, new AnswerInvitation(GovInvited.InvitationId, RsvpAnswer.InRoom), Starts))
            .ThenRejected(RejectionKind.Conflict, "rsvp-closed");

    [Fact]
    public void Given_a_rescheduled_session_When_answered_before_the_new_start_Then_answered()
    {
        var later = Starts.AddDays(7);
        Given(GovInvited, new SessionRescheduled(SessionId, later, later.AddHours(2), "Chișinău", "https://meet.example.org/p", Secretary.AccountId, Now))
            .When(s => InvitationRules.Answer(s, new AnswerInvitation(GovInvited.InvitationId, RsvpAnswer.InRoom), Starts.AddDays(1)))
            .Then(new InvitationAnswered(SessionId, GovInvited.InvitationId, RsvpAnswer.InRoom, Starts.AddDays(1)));
    }

    [Fact]
    public void Given_a_cancelled_session_When_answered_Then_rejected() =>
        Given(GovInvited, new SessionCancelled(SessionId, "Postponed", Secretary.AccountId, Now))
            .When(s => InvitationRules.Answer(s, new AnswerInvitation(GovInvited.InvitationId, RsvpAnswer.InRoom), Now))
            .ThenRejected(RejectionKind.Conflict, "session-cancelled");

    [Fact]
    public void Given_an_invitation_When_answered_without_an_answer_Then_the_field_is_named() =>
        Given(GovInvited).When(s => InvitationRules.Answer(s, new AnswerInvitation(GovInvited.InvitationId, null), Now))
            .ThenRejected(RejectionKind.Invalid, "field-required");

    [Fact]
    public void Given_no_such_invitation_When_answered_Then_not_found() =>
        Given(GovInvited).When(s => InvitationRules.Answer(s, new AnswerInvitation(Guid.NewGuid(), RsvpAnswer.InRoom), Now))
            .ThenRejected(RejectionKind.NotFound, "invitation-not-found");

    [Fact]
    public void Given_an_invitation_When_the_signed_in_invitee_answers_Then_their_invitation_is_answered() =>
        Given(GovInvited, CsoInvited).When(s => InvitationRules.AnswerAsInvitee(s, RsvpAnswer.InRoom, GovMember, Now))
            .Then(new InvitationAnswered(SessionId, GovInvited.InvitationId, RsvpAnswer.InRoom, Now));

    [Fact]
    public void Given_invitations_When_someone_not_invited_answers_Then_rejected() =>
        Given(CsoInvited).When(s => InvitationRules.AnswerAsInvitee(s, RsvpAnswer.InRoom, GovMember, Now))
            .ThenRejected(RejectionKind.Forbidden, "invitees-only");

    [Fact]
    public void Given_an_invitation_When_the_invitee_answers_after_the_start_Then_rejected_as_by_the_link() =>
        Given(GovInvited).When(s => InvitationRules.AnswerAsInvitee(s, RsvpAnswer.Online, GovMember, Starts.AddMinutes(1)))
            .ThenRejected(RejectionKind.Conflict, "rsvp-closed");

    [Fact]
    public void Given_an_invitation_When_nobody_signed_in_answers_Then_rejected() =>
        Given(GovInvited).When(s => InvitationRules.AnswerAsInvitee(s, RsvpAnswer.Online, null, Now))
            .ThenRejected(RejectionKind.Unauthenticated, "sign-in-required");

    [Fact]
    public void Given_an_invited_guest_Then_the_guest_may_see_the_session_and_a_stranger_finds_nothing_not_even_the_forum_name()
    {
        var s = Spec<SessionState>.Fold([Scheduled, GuestInvited]);
        SessionRules.MaySee(Forum, s, new Actor(Guid.NewGuid(), "guest@uni.test", false)).ShouldBeNull();
        var stranger = SessionRules.MaySee(Forum, s, new Actor(Guid.NewGuid(), "stranger@uni.test", false))!;
        stranger.Rule.ShouldBe("forum-members-only");
        stranger.Kind.ShouldBe(RejectionKind.NotFound);
        stranger.Detail.ShouldNotContain("Open Government Forum");
    }

    [Fact]
    public void Given_invitations_Then_the_sequence_rises_with_each_reschedule_and_the_cancel()
    {
        var s = Spec<SessionState>.Fold([Scheduled, GovInvited]);
        s.Sequence.ShouldBe(0);
        s = Spec<SessionState>.Fold([Scheduled, GovInvited,
            new SessionRescheduled(SessionId, Starts, Starts.AddHours(2), "Bălți", "", Secretary.AccountId, Now),
            new SessionCancelled(SessionId, "Postponed", Secretary.AccountId, Now)]);
        s.Sequence.ShouldBe(2);
    }

    [Fact]
    public void Invitation_ids_are_stable_per_session_and_address() =>
        InvitationRules.InvitationIdFor(SessionId, " Gov@Forum.test ").ShouldBe(GovInvited.InvitationId);

    private static bool Wanted(InvitationMailKind kind, int sequence, DateTimeOffset plannedStart, params object[] events)
    {
        var s = Spec<SessionState>.Fold([Scheduled, GovInvited, .. events]);
        return InvitationRules.MailStillWanted(s, s.Invitations[GovInvited.InvitationId], kind, sequence, plannedStart);
    }

    private static readonly object Moved = new SessionRescheduled(SessionId, Starts.AddDays(7), Starts.AddDays(7).AddHours(2), "Chișinău", "", Secretary.AccountId, Now);

    [Fact]
    public void Given_a_scheduled_session_When_its_invitation_is_due_Then_it_is_sent() =>
        Wanted(InvitationMailKind.Invitation, 0, Starts).ShouldBeTrue();

    [Fact]
    public void Given_a_rescheduled_session_When_the_mail_planned_before_the_reschedule_is_due_Then_it_is_dropped() =>
        Wanted(InvitationMailKind.Invitation, 0, Starts, Moved).ShouldBeFalse();

    [Fact]
    public void Given_a_rescheduled_session_When_the_reminder_for_the_old_start_is_due_Then_it_is_dropped() =>
        Wanted(InvitationMailKind.DayReminder, 1, Starts, Moved).ShouldBeFalse();

    [Fact]
    public void Given_a_decliner_When_a_reminder_is_due_Then_it_is_dropped() =>
        Wanted(InvitationMailKind.HourReminder, 0, Starts, new InvitationAnswered(SessionId, GovInvited.InvitationId, RsvpAnswer.Decline, Now)).ShouldBeFalse();

    [Fact]
    public void Given_a_cancelled_session_When_a_reminder_or_the_invitation_is_due_Then_only_the_cancellation_is_sent()
    {
        var cancelled = new SessionCancelled(SessionId, "Postponed", Secretary.AccountId, Now);
        Wanted(InvitationMailKind.DayReminder, 0, Starts, cancelled).ShouldBeFalse();
        Wanted(InvitationMailKind.Invitation, 1, Starts, cancelled).ShouldBeFalse();
        Wanted(InvitationMailKind.Cancellation, 1, Starts, cancelled).ShouldBeTrue();
    }
}
