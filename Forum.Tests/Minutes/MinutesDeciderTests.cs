using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Minutes;
using Forum.Domain.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.Minutes;

public class MinutesDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ForumId = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    private static readonly Guid SessionId = Guid.Parse("0193f000-0000-7000-8000-000000000051");
    private static readonly Guid MinutesId = MinutesDecider.IdFor(SessionId);
    private static readonly Actor Admin = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a1"), "admin@forum.test", true);
    private static readonly Actor Secretary = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a2"), "sec@forum.test", false);
    private static readonly Actor GovChair = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a3"), "gov@forum.test", false);
    private static readonly Actor CsoChair = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a4"), "cso@forum.test", false);
    private static readonly Actor Member = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a5"), "member@forum.test", false);
    private static readonly Guid Gov = Guid.Parse("0193f000-0000-7000-8000-000000000011");
    private static readonly Guid Cso = Guid.Parse("0193f000-0000-7000-8000-000000000012");
    private static readonly Guid Mem = Guid.Parse("0193f000-0000-7000-8000-000000000013");
    private const string Hash = "e1d2c0b869aac85f5222d05419a26553d2155cac08151f3d467dd16bff054a7b";

    private static readonly ForumState Forum = Spec<ForumState>.Fold([
        new ForumEstablished(ForumId, "Anti-corruption forum", "Ukraine", "uk", "", Admin.AccountId, Now),
        new SecretariatAssigned(ForumId, Secretary.Email, Admin.AccountId, Now),
        new MemberAdmitted(ForumId, Gov, "Олена Коваль", GovChair.Email, "", StakeholderGroup.Government, MemberRole.Member, Admin.AccountId, Now),
        new MemberAdmitted(ForumId, Cso, "Nino Beridze", CsoChair.Email, "", StakeholderGroup.CivilSociety, MemberRole.Member, Admin.AccountId, Now),
        new MemberAdmitted(ForumId, Mem, "Ani Petrosyan", Member.Email, "", StakeholderGroup.Government, MemberRole.Member, Admin.AccountId, Now),
        new CoChairAppointed(ForumId, Gov, StakeholderGroup.Government, Admin.AccountId, Now),
        new CoChairAppointed(ForumId, Cso, StakeholderGroup.CivilSociety, Admin.AccountId, Now),
    ]);

    private static readonly MinutesDrafted Drafted = new(MinutesId, SessionId, ForumId, "Autumn plenary", Now.AddDays(-1), 23, Hash, "uk", "# Протокол", Now);
    private static MinutesApproved ApprovedBy(Guid member, string name, StakeholderGroup g, Actor by, int revision = 0) => new(MinutesId, member, name, g, revision, by.AccountId, Now);
    private static readonly MinutesApproved GovApproved = ApprovedBy(Gov, "Олена Коваль", StakeholderGroup.Government, GovChair);
    private static readonly MinutesApproved CsoApproved = ApprovedBy(Cso, "Nino Beridze", StakeholderGroup.CivilSociety, CsoChair);
    private static readonly PublishMinutes Signed = new("d0c", "c2ln", "k1", Hash);
    private static readonly MinutesPublished Publication = new(MinutesId, "d0c", "c2ln", "k1", 23, Hash, Secretary.AccountId, Now);

    private static Spec<MinutesState> Given(params object[] events) => new Spec<MinutesState>().Given(events);

    private static SessionState Session(bool closed) => Spec<SessionState>.Fold(new object[]
    {
        new SessionScheduled(SessionId, ForumId, "Autumn plenary", Now.AddDays(-1), Now.AddDays(-1).AddHours(2), SessionMode.InPerson, "Kyiv", "", "uk", Admin.AccountId, Now.AddDays(-9)),
        new SessionOpened(SessionId, new Dictionary<StakeholderGroup, int>(), ForumRules.Default, [Gov, Cso], GovChair.AccountId, Now.AddDays(-1)),
    }.Concat(closed ? [new SessionClosed(SessionId, GovChair.AccountId, Now.AddDays(-1).AddHours(2))] : []));

    [Fact]
    public void Given_closed_session_When_drafted_Then_minutes_drafted_in_its_language_with_the_record_hash() =>
        MinutesDecider.Draft(null, Session(closed: true), new DraftMinutesFromRecord(23, Hash, "# Протокол"), Now).Events
            .ShouldBe([Drafted]);

    [Fact]
    public void Given_open_session_When_drafted_Then_rejected() =>
        MinutesDecider.Draft(null, Session(closed: false), new DraftMinutesFromRecord(3, Hash, "#"), Now).Rejection!.Rule.ShouldBe("session-not-closed");

    [Fact]
    public void Given_drafted_When_drafted_again_Then_nothing_changes() =>
        Given(Drafted).When(m => MinutesDecider.Draft(m, Session(closed: true), new DraftMinutesFromRecord(23, Hash, "other"), Now)).Then();

    [Fact]
    public void Minutes_ids_are_derived_from_the_session_and_stable() =>
        MinutesDecider.IdFor(SessionId).ShouldBe(MinutesDecider.IdFor(Guid.Parse(SessionId.ToString())));

    [Fact]
    public void Given_draft_When_secretariat_revises_Then_revised() =>
        Given(Drafted).When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("# Протокол\r\n\nВиправлено."), Secretary, Now))
            .Then(new MinutesRevised(MinutesId, "# Протокол\n\nВиправлено.", 1, Secretary.AccountId, Now));

    [Fact]
    public void Given_draft_When_the_same_text_is_sent_Then_nothing_changes() =>
        Given(Drafted).When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("# Протокол"), Secretary, Now)).Then();

    [Fact]
    public void Given_draft_When_a_co_chair_revises_Then_rejected() =>
        Given(Drafted).When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("x"), GovChair, Now)).ThenRejected(RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_draft_When_revised_to_nothing_Then_the_field_is_named()
    {
        var rejection = MinutesDecider.Revise(Forum, Spec<MinutesState>.Fold([Drafted]), new ReviseMinutes(" "), Secretary, Now).Rejection!;
        rejection.Rule.ShouldBe("field-required");
        rejection.Field.ShouldBe("markdown");
    }

    [Fact]
    public void Given_draft_When_a_co_chair_approves_Then_approved_with_their_group() =>
        Given(Drafted).When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), GovChair, Now)).Then(GovApproved);

    [Fact]
    public void Given_draft_When_a_member_approves_Then_rejected() =>
        Given(Drafted).When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), Member, Now)).ThenRejected(RejectionKind.Forbidden, "co-chair-only");

    [Fact]
    public void Given_draft_When_the_secretariat_approves_Then_rejected() =>
        Given(Drafted).When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), Secretary, Now)).ThenRejected(RejectionKind.Forbidden, "co-chair-only");

    [Fact]
    public void Given_approved_by_a_co_chair_When_they_approve_again_Then_rejected() =>
        Given(Drafted, GovApproved).When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), GovChair, Now)).ThenRejected(RejectionKind.Conflict, "already-approved");

    [Fact]
    public void Given_approved_then_revised_When_the_co_chair_approves_again_Then_approved_for_the_new_revision() =>
        Given(Drafted, GovApproved, new MinutesRevised(MinutesId, "# new", 1, Secretary.AccountId, Now))
            .When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), GovChair, Now))
            .Then(ApprovedBy(Gov, "Олена Коваль", StakeholderGroup.Government, GovChair, revision: 1));

    [Fact]
    public void Given_both_approved_then_revised_When_published_Then_rejected_naming_both_co_chairs()
    {
        var m = Spec<MinutesState>.Fold([Drafted, GovApproved, CsoApproved, new MinutesRevised(MinutesId, "# new", 1, Secretary.AccountId, Now)]);
        var rejection = MinutesDecider.Publish(Forum, m, Signed, Secretary, Now).Rejection!;
        rejection.Rule.ShouldBe("both-co-chairs-approve");
        rejection.Detail.ShouldContain("Government and the CivilSociety");
    }

    [Fact]
    public void Given_one_approval_When_published_Then_rejected_naming_the_missing_co_chair()
    {
        var rejection = MinutesDecider.Publish(Forum, Spec<MinutesState>.Fold([Drafted, GovApproved]), Signed, Secretary, Now).Rejection!;
        rejection.Kind.ShouldBe(RejectionKind.Conflict);
        rejection.Rule.ShouldBe("both-co-chairs-approve");
        rejection.Detail.ShouldContain("CivilSociety co-chair");
    }

    [Fact]
    public void Given_both_approved_When_the_secretariat_publishes_Then_published() =>
        Given(Drafted, GovApproved, CsoApproved).When(m => MinutesDecider.Publish(Forum, m, Signed, Secretary, Now)).Then(Publication);

    [Fact]
    public void Given_both_approved_When_a_co_chair_publishes_Then_rejected() =>
        Given(Drafted, GovApproved, CsoApproved).When(m => MinutesDecider.Publish(Forum, m, Signed, GovChair, Now)).ThenRejected(RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_both_approved_When_the_record_changed_since_drafting_Then_rejected() =>
        Given(Drafted, GovApproved, CsoApproved).When(m => MinutesDecider.Publish(Forum, m, Signed with { EventsSha256Now = new string('0', 64) }, Secretary, Now))
            .ThenRejected(RejectionKind.Conflict, "record-unchanged-since-draft");

    [Fact]
    public void Given_published_When_revised_approved_or_published_again_Then_rejected()
    {
        Given(Drafted, GovApproved, CsoApproved, Publication).When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("# x"), Secretary, Now))
            .ThenRejected(RejectionKind.Conflict, "minutes-published");
        Given(Drafted, GovApproved, Publication).When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), CsoChair, Now))
            .ThenRejected(RejectionKind.Conflict, "minutes-published");
        Given(Drafted, GovApproved, CsoApproved, Publication).When(m => MinutesDecider.Publish(Forum, m, Signed, Secretary, Now))
            .ThenRejected(RejectionKind.Conflict, "minutes-published");
    }

    [Fact]
    public void Anonymous_callers_are_asked_to_sign_in() =>
        Given(Drafted).When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), null, Now)).ThenRejected(RejectionKind.Unauthenticated, "sign-in-required");

    // Minutes in two languages (docs/adr/0023): the session's and English, approved together, published together.

    private static readonly MinutesTranslationDrafted English = new(MinutesId, "en", "# Minutes", Now);
    private static readonly SignedTranslation SignedEnglish = new("en", "d0c-en", "c2ln-en", "k1");

    [Theory]
    [InlineData("uk", "en")]
    [InlineData("ka", "en")]
    [InlineData("hy", "en")]
    [InlineData("en", null)]
    [InlineData("EN", null)]
    public void The_second_language_is_English_beside_any_other(string writtenIn, string? second) =>
        MinutesDecider.SecondLanguage(writtenIn).ShouldBe(second);

    [Fact]
    public void Given_closed_session_in_Ukrainian_When_drafted_with_the_English_text_Then_both_texts_drafted() =>
        MinutesDecider.Draft(null, Session(closed: true), new DraftMinutesFromRecord(23, Hash, "# Протокол", new MinutesTextIn("en", "# Minutes")), Now).Events
            .ShouldBe([Drafted, English]);

    [Fact]
    public void Given_two_texts_When_the_secretariat_revises_the_English_Then_a_new_revision_of_the_minutes() =>
        Given(Drafted, English).When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("# Minutes\r\n\nCorrected.", "EN"), Secretary, Now))
            .Then(new MinutesTranslationRevised(MinutesId, "en", "# Minutes\n\nCorrected.", 1, Secretary.AccountId, Now));

    [Fact]
    public void Given_two_texts_revised_once_When_the_first_is_revised_Then_the_revisions_count_on() =>
        Given(Drafted, English, new MinutesTranslationRevised(MinutesId, "en", "# Minutes 2", 1, Secretary.AccountId, Now))
            .When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("# Протокол 2"), Secretary, Now))
            .Then(new MinutesRevised(MinutesId, "# Протокол 2", 2, Secretary.AccountId, Now));

    [Fact]
    public void Given_two_texts_When_the_same_English_text_is_sent_Then_nothing_changes() =>
        Given(Drafted, English).When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("# Minutes", "en"), Secretary, Now)).Then();

    [Fact]
    public void Given_two_texts_When_a_language_they_are_not_in_is_revised_Then_the_field_is_named()
    {
        var rejection = MinutesDecider.Revise(Forum, Spec<MinutesState>.Fold([Drafted, English]), new ReviseMinutes("# Procès-verbal", "fr"), Secretary, Now).Rejection!;
        rejection.Rule.ShouldBe("minutes-language");
        rejection.Field.ShouldBe("language");
        rejection.Kind.ShouldBe(RejectionKind.Invalid);
    }

    [Fact]
    public void Given_two_texts_When_a_co_chair_approves_Then_one_approval_covers_both() =>
        Given(Drafted, English).When(m => MinutesDecider.Approve(Forum, m, new ApproveMinutes(), GovChair, Now)).Then(GovApproved);

    [Fact]
    public void Given_both_approved_When_the_English_is_revised_Then_both_co_chairs_approve_again()
    {
        var m = Spec<MinutesState>.Fold([Drafted, English, GovApproved, CsoApproved, new MinutesTranslationRevised(MinutesId, "en", "# Minutes 2", 1, Secretary.AccountId, Now)]);
        m.Approvals.ShouldBeEmpty();
        MinutesDecider.Publish(Forum, m, Signed with { Translation = SignedEnglish }, Secretary, Now).Rejection!.Rule.ShouldBe("both-co-chairs-approve");
        Given(Drafted, English, GovApproved, CsoApproved, new MinutesTranslationRevised(MinutesId, "en", "# Minutes 2", 1, Secretary.AccountId, Now))
            .When(s => MinutesDecider.Approve(Forum, s, new ApproveMinutes(), GovChair, Now))
            .Then(ApprovedBy(Gov, "Олена Коваль", StakeholderGroup.Government, GovChair, revision: 1));
    }

    [Fact]
    public void Given_two_texts_approved_When_published_with_both_documents_Then_both_published_together() =>
        Given(Drafted, English, GovApproved, CsoApproved).When(m => MinutesDecider.Publish(Forum, m, Signed with { Translation = SignedEnglish }, Secretary, Now))
            .Then(Publication, new MinutesTranslationPublished(MinutesId, "en", "d0c-en", "c2ln-en", "k1", Now));

    [Fact]
    public void Given_two_texts_approved_When_published_with_one_document_Then_rejected() =>
        Given(Drafted, English, GovApproved, CsoApproved).When(m => MinutesDecider.Publish(Forum, m, Signed, Secretary, Now))
            .ThenRejected(RejectionKind.Conflict, "both-languages-signed");

    [Fact]
    public void Given_both_published_When_the_English_is_revised_Then_rejected() =>
        Given(Drafted, English, GovApproved, CsoApproved, Publication, new MinutesTranslationPublished(MinutesId, "en", "d0c-en", "c2ln-en", "k1", Now))
            .When(m => MinutesDecider.Revise(Forum, m, new ReviseMinutes("# x", "en"), Secretary, Now))
            .ThenRejected(RejectionKind.Conflict, "minutes-published");

    [Fact]
    public void Given_both_published_Then_each_language_has_its_own_publication()
    {
        var m = Spec<MinutesState>.Fold([Drafted, English, GovApproved, CsoApproved, Publication, new MinutesTranslationPublished(MinutesId, "en", "d0c-en", "c2ln-en", "k1", Now)]);
        m.Languages.ShouldBe(["uk", "en"]);
        m.PublicationIn("uk").ShouldBe(Publication);
        m.PublicationIn("en")!.DocumentSha256.ShouldBe("d0c-en");
        m.PublicationIn("en")!.EventsSha256.ShouldBe(Hash);
        m.PublicationIn("fr").ShouldBeNull();
    }
}
