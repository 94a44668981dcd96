using Forum.Domain.Common;
using Forum.Domain.Minutes;
using Forum.Tests.Support;

namespace Forum.Tests.Minutes;

public class MinutesArchiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ForumId = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    private static readonly Guid First = Guid.Parse("0193f000-0000-7000-8000-0000000000b1");
    private static readonly Guid Second = Guid.Parse("0193f000-0000-7000-8000-0000000000b2");
    private static readonly Guid Third = Guid.Parse("0193f000-0000-7000-8000-0000000000b3");
    private static readonly Guid Session = Guid.Parse("0193f000-0000-7000-8000-000000000051");

    private static MinutesArchived Archived(long sequence, Guid minutesId, Guid? previous, string? previousRecord, string language = "uk") =>
        new(ForumId, sequence, minutesId, Session, language, "doc" + sequence, "rec" + sequence, previous, previousRecord, "k1", Now);

    private static EnterInArchive Entering(Guid minutesId, ChainLink link, string language = "uk") =>
        new(ForumId, minutesId, Session, language, "doc" + link.Sequence, "rec" + link.Sequence, "k1", link);

    private static Spec<MinutesArchive> Given(params object[] events) => new Spec<MinutesArchive>().Given(events);

    [Fact]
    public void Given_no_archive_When_the_first_minutes_are_entered_Then_they_are_number_one_after_nothing() =>
        Given().When(a => MinutesArchiveRules.Enter(a, Entering(First, MinutesArchiveRules.Next(a)), Now))
            .Then(Archived(1, First, null, null));

    [Fact]
    public void Given_an_archive_When_minutes_are_entered_Then_they_follow_its_head() =>
        Given(Archived(1, First, null, null)).When(a => MinutesArchiveRules.Enter(a, Entering(Second, MinutesArchiveRules.Next(a)), Now))
            .Then(Archived(2, Second, First, "rec1"));

    [Fact]
    public void Given_an_archive_that_moved_on_When_minutes_signed_after_the_old_head_are_entered_Then_rejected_so_the_chain_does_not_fork() =>
        Given(Archived(1, First, null, null), Archived(2, Second, First, "rec1"))
            .When(a => MinutesArchiveRules.Enter(a, Entering(Third, new ChainLink(2, First, "doc1", "rec1")), Now))
            .ThenRejected(RejectionKind.Conflict, "archive-moved-on");

    [Fact]
    public void Given_minutes_in_the_archive_When_entered_again_Then_rejected() =>
        Given(Archived(1, First, null, null))
            .When(a => MinutesArchiveRules.Enter(a, Entering(First, MinutesArchiveRules.Next(a)), Now))
            .ThenRejected(RejectionKind.Conflict, "minutes-published");

    [Fact]
    public void Given_minutes_in_one_language_When_the_same_minutes_in_another_are_entered_Then_they_are_the_next_link() =>
        Given(Archived(1, First, null, null, "uk"))
            .When(a => MinutesArchiveRules.Enter(a, Entering(First, MinutesArchiveRules.Next(a), "en"), Now))
            .Then(Archived(2, First, First, "rec1", "en"));

    [Fact]
    public void The_archive_id_is_derived_from_the_forum_and_is_not_the_forum_id() =>
        MinutesArchiveRules.IdFor(ForumId).ShouldSatisfyAllConditions(
            id => id.ShouldBe(MinutesArchiveRules.IdFor(Guid.Parse(ForumId.ToString()))),
            id => id.ShouldNotBe(ForumId),
            id => id.ShouldNotBe(MinutesDecider.IdFor(ForumId)));

    // ---- the walk ----

    private static readonly ArchiveEntry[] Entries =
    [
        new(1, First, Session, "uk", "doc1", "rec1", null, null, "k1", Now),
        new(2, Second, Session, "uk", "doc2", "rec2", First, "rec1", "k1", Now),
        new(3, Third, Session, "uk", "doc3", "rec3", Second, "rec2", "k1", Now),
    ];

    private static SignedLink Signed(long n, Guid id, Guid? previous, string? previousRecord, string? record = null) =>
        new(id, "uk", n, record ?? "rec" + n, previous, previousRecord, true);

    private static readonly SignedLink[] Records = [Signed(1, First, null, null), Signed(2, Second, First, "rec1"), Signed(3, Third, Second, "rec2")];
    private static readonly (Guid, string)[] Listed = [(First, "uk"), (Second, "uk"), (Third, "uk")];

    [Fact]
    public void An_untouched_chain_is_intact_and_its_head_is_the_last_signed()
    {
        var report = ArchiveChain.Walk(Entries, Records, Listed);
        report.Findings.ShouldBeEmpty();
        report.Length.ShouldBe(3);
        report.Head!.MinutesId.ShouldBe(Third);
    }

    [Fact]
    public void Minutes_removed_entirely_are_named_by_the_one_signed_after_them()
    {
        var report = ArchiveChain.Walk([Entries[0], Entries[2]], [Records[0], Records[2]], [Listed[0], Listed[2]]);
        var finding = report.Findings.ShouldHaveSingleItem();
        finding.Fault.ShouldBe(ChainFault.Removed);
        finding.MinutesId.ShouldBe(Second);
        finding.Sequence.ShouldBe(2);
    }

    [Fact]
    public void Minutes_whose_signed_record_is_gone_are_named_from_the_archive()
    {
        var report = ArchiveChain.Walk(Entries, [Records[0], Records[2]], Listed);
        report.Findings.ShouldContain(f => f.Fault == ChainFault.Removed && f.MinutesId == Second && f.Sequence == 2);
    }

    [Fact]
    public void Minutes_replaced_by_another_signed_record_are_named_by_the_hash_their_successor_holds()
    {
        var report = ArchiveChain.Walk(Entries, [Records[0], Signed(2, Second, First, "rec1", record: "forged"), Records[2]], Listed);
        report.Findings.ShouldContain(f => f.Fault == ChainFault.Replaced && f.MinutesId == Second && f.Sequence == 2);
    }

    [Fact]
    public void A_record_whose_signature_fails_is_replaced()
    {
        var report = ArchiveChain.Walk(Entries, [Records[0], Records[1] with { Authentic = false }, Records[2]], Listed);
        report.Findings.ShouldContain(f => f.Fault == ChainFault.Replaced && f.MinutesId == Second);
    }

    [Fact]
    public void An_archive_whose_entries_were_swapped_is_reordered_naming_both()
    {
        ArchiveEntry[] swapped = [Entries[0], Entries[2] with { Sequence = 2 }, Entries[1] with { Sequence = 3 }];
        var report = ArchiveChain.Walk(swapped, Records, Listed);
        report.Findings.Where(f => f.Fault == ChainFault.Reordered).Select(f => f.MinutesId).ShouldBe([Third, Second]);
        report.Findings.First().Detail.ShouldContain("signed as number 3");
    }

    [Fact]
    public void Records_signed_before_the_chain_are_unchained_not_faulty()
    {
        var legacy = new SignedLink(Guid.NewGuid(), "", null, "old", null, null, true);
        var report = ArchiveChain.Walk(Entries, [.. Records, legacy], [.. Listed, (legacy.MinutesId, "")]);
        report.Findings.ShouldBeEmpty();
        report.Unchained.ShouldBe([legacy.MinutesId]);
    }

    // ---- the first event that differs ----

    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly RecordedEvent[] Events =
    [
        new(1, "session_scheduled", At, """{"a":1}"""),
        new(2, "position_submitted", At, """{"statement":"Yes"}"""),
        new(3, "session_closed", At, """{}"""),
    ];

    [Fact]
    public void The_first_event_that_differs_is_named_by_version_and_type()
    {
        var signed = EventHash.Digest(Events).Packed();
        EventHash.FirstDifference(signed, EventHash.Digest(Events).Events).ShouldBeNull();

        var changed = EventHash.Digest([Events[0], Events[1] with { Json = """{"statement":"No"}""" }, Events[2]]);
        EventHash.FirstDifference(signed, changed.Events).ShouldBe(new EventDifference(2, "position_submitted", "changed"));

        EventHash.FirstDifference(signed, EventHash.Digest([Events[0], Events[2]]).Events).ShouldBe(new EventDifference(2, null, "missing"));
        EventHash.FirstDifference(signed, EventHash.Digest([.. Events, new RecordedEvent(4, "hand_raised", At, "{}")]).Events)
            .ShouldBe(new EventDifference(4, "hand_raised", "added"));
    }

    [Fact]
    public void The_list_of_event_hashes_does_not_change_the_events_hash() =>
        EventHash.Digest(Events).Sha256.ShouldBe(EventHash.Compute(Events));
}
