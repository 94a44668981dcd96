using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Forums.PastMeetings;
using Forum.Tests.Support;

namespace Forum.Tests.Forums.PastMeetings;

public class PastMeetingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ForumId = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    private static readonly Guid MeetingId = Guid.Parse("0193f000-0000-7000-8000-0000000000b1");
    private static readonly Actor Admin = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a1"), "admin@forum.test", true);
    private static readonly Actor Secretary = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a2"), "sec@forum.test", false);
    private static readonly Actor Member = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a3"), "gov@forum.test", false);
    private static readonly PastMeetingFile File = new("minutes.pdf", "application/pdf", 1234, new string('a', 64));

    private static readonly object[] Forum =
    [
        new ForumEstablished(ForumId, "Anti-corruption forum", "Ukraine", "uk", "", Admin.AccountId, Now.AddYears(-1)),
        new SecretariatAssigned(ForumId, Secretary.Email, Admin.AccountId, Now.AddYears(-1)),
        new MemberAdmitted(ForumId, Guid.NewGuid(), "Gov", Member.Email, "Ministry", StakeholderGroup.Government, MemberRole.Member, Admin.AccountId, Now.AddYears(-1)),
    ];

    private static Spec<ForumState> Given(params object[] more) => new Spec<ForumState>().Given([.. Forum, .. more]);

    private static RecordPastMeeting Meeting(DateOnly? heldOn = null, string? title = "Founding meeting", int? gov = 4, int? cso = 3, int? other = 1,
        PastMeetingFile? file = null, DateOnly? publishedOn = null) =>
        new(ForumId, MeetingId, heldOn ?? new DateOnly(2023, 3, 14), title, gov, cso, other, file, publishedOn);

    private static Dictionary<StakeholderGroup, int> Attendance(int gov, int cso, int other) =>
        new() { [StakeholderGroup.Government] = gov, [StakeholderGroup.CivilSociety] = cso, [StakeholderGroup.Other] = other };

    [Fact]
    public void Given_a_forum_When_the_secretariat_records_a_past_meeting_with_its_minutes_Then_recorded() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(file: File, publishedOn: new DateOnly(2023, 4, 1)), Secretary, Now))
            .Then(new PastMeetingRecorded(ForumId, MeetingId, new DateOnly(2023, 3, 14), "Founding meeting", Attendance(4, 3, 1), File,
                new DateOnly(2023, 4, 1), Secretary.AccountId, Now));

    [Fact]
    public void Given_a_forum_When_a_member_records_a_past_meeting_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(), Member, Now)).ThenRejected(RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_a_forum_When_nobody_records_a_past_meeting_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(), null, Now)).ThenRejected(RejectionKind.Unauthenticated, "sign-in-required");

    [Fact]
    public void Given_a_forum_When_the_meeting_is_tomorrow_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(heldOn: new DateOnly(2026, 11, 27)), Secretary, Now))
            .ThenRejected(RejectionKind.Invalid, "past-meeting-in-future");

    [Fact]
    public void Given_a_forum_When_the_year_is_a_typing_slip_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(heldOn: new DateOnly(204, 3, 14)), Secretary, Now))
            .ThenRejected(RejectionKind.Invalid, "past-meeting-date-range");

    [Fact]
    public void Given_a_forum_When_the_meeting_was_today_Then_recorded() =>
        PastMeetingRules.Record(Spec<ForumState>.Fold(Forum), Meeting(heldOn: new DateOnly(2026, 11, 26)), Secretary, Now).Accepted.ShouldBeTrue();

    [Theory]
    [InlineData(null, "heldOn")]
    [InlineData("", "title")]
    public void Given_a_forum_When_a_required_field_is_missing_Then_rejected_naming_it(string? title, string field)
    {
        var command = field == "heldOn" ? Meeting() with { HeldOn = null } : Meeting(title: title);
        var verdict = PastMeetingRules.Record(Spec<ForumState>.Fold(Forum), command, Secretary, Now);
        verdict.Rejection!.Rule.ShouldBe("field-required");
        verdict.Rejection.Field.ShouldBe(field);
    }

    [Fact]
    public void Given_a_forum_When_a_count_is_negative_Then_rejected_naming_the_group()
    {
        var verdict = PastMeetingRules.Record(Spec<ForumState>.Fold(Forum), Meeting(cso: -1), Secretary, Now);
        verdict.Rejection!.Rule.ShouldBe("attendance-range");
        verdict.Rejection.Field.ShouldBe("civilSociety");
    }

    [Fact]
    public void Given_a_forum_When_the_title_holds_a_control_character_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(title: "Founding\u0000meeting"), Secretary, Now))
            .ThenRejected(RejectionKind.Invalid, "control-character");

    [Theory]
    [InlineData("..\\..\\minutes.pdf", "minutes.pdf")]
    [InlineData("/etc/\"quoted\"\u0007.pdf", "_quoted__.pdf")]
    [InlineData("", "minutes")]
    public void Given_a_file_name_from_a_browser_When_kept_Then_only_its_last_segment_without_control_characters(string sent, string kept) =>
        PastMeetingRules.SafeFileName(sent).ShouldBe(kept);

    [Fact]
    public void Given_a_forum_When_nobody_attended_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(gov: 0, cso: 0, other: null), Secretary, Now))
            .ThenRejected(RejectionKind.Invalid, "past-meeting-attendance");

    [Fact]
    public void Given_a_forum_When_minutes_are_dated_before_the_meeting_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(file: File, publishedOn: new DateOnly(2023, 3, 1)), Secretary, Now))
            .ThenRejected(RejectionKind.Invalid, "minutes-published-date");

    [Fact]
    public void Given_a_forum_When_minutes_are_dated_without_a_file_Then_rejected() =>
        Given().When(f => PastMeetingRules.Record(f, Meeting(publishedOn: new DateOnly(2023, 4, 1)), Secretary, Now))
            .ThenRejected(RejectionKind.Invalid, "minutes-published-without-file");

    [Fact]
    public void Given_a_recorded_meeting_When_the_same_is_recorded_again_Then_rejected() =>
        Given(new PastMeetingRecorded(ForumId, Guid.NewGuid(), new DateOnly(2023, 3, 14), "Founding meeting", Attendance(1, 1, 0), null, null, Secretary.AccountId, Now))
            .When(f => PastMeetingRules.Record(f, Meeting(title: " founding MEETING "), Secretary, Now))
            .ThenRejected(RejectionKind.Conflict, "past-meeting-recorded");

    [Fact]
    public void Given_a_recorded_meeting_When_another_is_recorded_on_the_same_day_Then_recorded() =>
        PastMeetingRules.Record(Spec<ForumState>.Fold([.. Forum,
                new PastMeetingRecorded(ForumId, Guid.NewGuid(), new DateOnly(2023, 3, 14), "Founding meeting", Attendance(1, 1, 0), null, null, Secretary.AccountId, Now)]),
            Meeting(title: "Working group"), Secretary, Now).Accepted.ShouldBeTrue();

    [Theory]
    [InlineData("minutes.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData("Minutes.PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData("protocol.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void Given_a_document_of_a_kept_kind_When_checked_Then_its_type_comes_from_its_name_and_bytes(string name, byte[] head, string type)
    {
        var (contentType, refusal) = PastMeetingRules.FileKind(name, head);
        refusal.ShouldBeNull();
        contentType.ShouldBe(type);
    }

    [Theory]
    [InlineData("minutes.exe", new byte[] { 0x4D, 0x5A })]
    [InlineData("minutes.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData("minutes.html", new byte[] { 0x3C, 0x68 })]
    [InlineData("minutes", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })]
    public void Given_a_file_that_is_not_what_it_says_When_checked_Then_refused_as_unsupported(string name, byte[] head)
    {
        var (_, refusal) = PastMeetingRules.FileKind(name, head);
        refusal!.Kind.ShouldBe(RejectionKind.UnsupportedMediaType);
        refusal.Rule.ShouldBe("minutes-file-type");
    }

    [Fact]
    public void Given_a_file_over_20_MB_When_checked_Then_refused_as_too_large()
    {
        PastMeetingRules.CheckSize(PastMeetingRules.MaxFileBytes).ShouldBeNull();
        PastMeetingRules.CheckSize(PastMeetingRules.MaxFileBytes + 1)!.Kind.ShouldBe(RejectionKind.TooLarge);
    }
}
