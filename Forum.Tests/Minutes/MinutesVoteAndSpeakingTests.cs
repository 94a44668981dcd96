using System.Diagnostics;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.Minutes;

/// <summary>The minutes say what a vote round gave, by group, and how long each group held the floor, drawn as bars.</summary>
[Collection(ApiCollection.Name)]
public class MinutesVoteAndSpeakingTests(ApiFixture fixture) : MinutesContext(fixture)
{
    private IEnumerable<object> VoteAndFloor(Guid session, Guid item, DateTimeOffset t)
    {
        // Government speaks 3 min, civil society 1 min: 75 % and 25 % of the time at the floor.
        yield return new FloorGiven(session, GovMember, GovChair, t.AddMinutes(21));
        yield return new FloorYielded(session, GovMember, 180, t.AddMinutes(24));
        yield return new FloorGiven(session, CsoMember, GovChair, t.AddMinutes(24));
        yield return new FloorYielded(session, CsoMember, 60, t.AddMinutes(25));
        yield return new VoteOpened(session, item, "Adopt commitment 4 as amended?", GovChair, t.AddMinutes(26));
        var byGroup = new Dictionary<StakeholderGroup, IReadOnlyDictionary<VoteChoice, int>>
        {
            [StakeholderGroup.Government] = new Dictionary<VoteChoice, int> { [VoteChoice.Yes] = 2, [VoteChoice.No] = 0, [VoteChoice.Abstain] = 0 },
            [StakeholderGroup.CivilSociety] = new Dictionary<VoteChoice, int> { [VoteChoice.Yes] = 1, [VoteChoice.No] = 1, [VoteChoice.Abstain] = 0 },
            [StakeholderGroup.Other] = new Dictionary<VoteChoice, int> { [VoteChoice.Yes] = 0, [VoteChoice.No] = 0, [VoteChoice.Abstain] = 0 },
        };
        yield return new VoteClosed(session, item, byGroup, 3, 1, 0, 2.0 / 3, true, new Quorum(true, 4, 2, 4, false, true, "4 of 4"), GovChair, t.AddMinutes(28));
    }

    [Fact]
    public async Task The_minutes_give_the_vote_by_group_and_the_speaking_time_by_group_with_its_bars_in_the_pdf_too()
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession("en", during: VoteAndFloor);
        await Draft(sessionId);
        var minutesId = MinutesOf(sessionId);
        var md = await GetText(Secretariat, $"/api/minutes/{minutesId}.md");

        md.ShouldContain("## Speaking time by group");
        md.ShouldContain("`███████████████░░░░░` **Government**: 3 min 0 s (75% of the time at the floor)");
        md.ShouldContain("`█████░░░░░░░░░░░░░░░` **Civil society**: 1 min 0 s (25% of the time at the floor)");
        md.ShouldContain("Put to the vote: Adopt commitment 4 as amended?");
        md.ShouldContain("**The vote carried**: Yes 3, No 1, Abstain 0; threshold 67% of Yes and No");
        md.ShouldContain("- **Civil society**: Yes 1, No 1, Abstain 0");

        await Approve(minutesId);
        await PostJson(Secretariat, $"/api/minutes/{minutesId}/publish", new { }, 200);
        var pdf = Path.GetTempFileName();
        await File.WriteAllBytesAsync(pdf, await GetBytes(null, $"/api/minutes/{minutesId}.pdf"));
        using var pdftotext = Process.Start(new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = await pdftotext.StandardOutput.ReadToEndAsync();
        await pdftotext.WaitForExitAsync();
        text.ShouldContain("Speaking time by group");
        text.ShouldContain("███████████████░░░░░");
        text.ShouldContain("The vote carried");
    }
}
