using Forum.Domain.Sessions;
using Forum.Host.Live;
using Forum.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Forum.Tests.Sessions.Voting;

/// <summary>A vote round through the API and live on the board: one that carries, one that fails; a roster change mid-session.</summary>
[Collection(ApiCollection.Name)]
public class VoteRoundTests(ApiFixture fixture) : SessionContext(fixture)
{
    private async Task<SessionWorld> WorldWithVotes(double threshold)
    {
        var w = await World();
        await Send(w.Secretariat, s => s.Put.Json(new { quorumShare = 0.5, parityRequired = false, voteFallback = true, voteThreshold = threshold })
            .ToUrl($"/api/forums/{w.ForumId}/rules"), 204);
        await OpenWithEveryoneIn(w);
        return w;
    }

    private async Task<JoinResult> Joined(SessionWorld w, Person p)
    {
        await using var connection = BoardMirror.Connect(Host, p.Token);
        await connection.StartAsync();
        return await connection.InvokeAsync<JoinResult>("Join", w.SessionId);
    }

    private Task Vote(SessionWorld w, Person p, string choice) => PostJson(p.Token, w.Item(w.DecisionItem, "/vote/ballots"), new { choice }, 200);

    [Fact]
    public async Task A_vote_at_two_thirds_carries_live_by_group_and_the_decision_follows_it()
    {
        var w = await WorldWithVotes(2.0 / 3);
        await using var screen = await BoardMirror.Join(Host, w.Observer.Token, w.SessionId);
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/vote"), new { }, 403), 403, "co-chair-only");
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/vote"), new { }, 200);

        await Vote(w, w.GovChair, "Yes");
        await Vote(w, w.Gov, "No");
        await Vote(w, w.Gov, "Yes"); // changed while open
        await Vote(w, w.CsoChair, "Yes");
        await Vote(w, w.Cso, "No");
        await Vote(w, w.Other, "Abstain");
        ShouldBeProblem(await PostJson(w.Observer.Token, w.Item(w.DecisionItem, "/vote/ballots"), new { choice = "Yes" }, 403), 403, "voting-member-only");
        ShouldBeProblem(await PostJson(w.Cso.Token, w.Item(w.DecisionItem, "/vote/ballots"), new { choice = "Maybe" }, 400), 400, "field-unreadable", "choice");

        await screen.Until(b => b.Agenda.Single(i => i.ItemId == w.DecisionItem).Vote?.Cast == 5);
        var live = screen.Board.Agenda.Single(i => i.ItemId == w.DecisionItem).Vote!;
        live.ByGroup[Domain.Forums.StakeholderGroup.Government][VoteChoice.Yes].ShouldBe(2);
        live.ByGroup[Domain.Forums.StakeholderGroup.CivilSociety][VoteChoice.No].ShouldBe(1);
        live.Open.ShouldBeTrue();
        // A join tells each voter their own vote (a page reloaded mid-vote shows it), and nobody anyone else's.
        (await Joined(w, w.Gov)).YourBallot.ShouldBe(new OwnBallot(w.DecisionItem, VoteChoice.Yes));
        (await Joined(w, w.Cso)).YourBallot.ShouldBe(new OwnBallot(w.DecisionItem, VoteChoice.No));
        (await Joined(w, w.Observer)).YourBallot.ShouldBeNull();

        await PostJson(w.CsoChair.Token, w.Item(w.DecisionItem, "/vote/close"), new { }, 200);
        var vote = ItemOf(await Board(w, w.Cso.Token), w.DecisionItem).GetProperty("vote").GetProperty("result");
        (vote.GetProperty("yes").GetInt32(), vote.GetProperty("no").GetInt32(), vote.GetProperty("abstain").GetInt32()).ShouldBe((3, 1, 1));
        vote.GetProperty("carried").GetBoolean().ShouldBeTrue();
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new { outcome = "VoteFailed" }, 409), 409, "vote-count");
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new { outcome = "VoteCarried" }, 200);
        ShouldBeProblem(await PostJson(w.Cso.Token, w.Item(w.DecisionItem, "/vote/ballots"), new { choice = "Yes" }, 409), 409, "vote-not-open");
    }

    [Fact]
    public async Task A_vote_short_of_the_threshold_fails()
    {
        var w = await WorldWithVotes(0.75);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/vote"), new { question = "Publish the register in June?" }, 200);
        await Vote(w, w.GovChair, "Yes");
        await Vote(w, w.Gov, "Yes");
        await Vote(w, w.Cso, "No");
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/vote/close"), new { }, 200);
        var vote = ItemOf(await Board(w, w.Cso.Token), w.DecisionItem).GetProperty("vote");
        vote.GetProperty("question").GetString().ShouldBe("Publish the register in June?");
        vote.GetProperty("result").GetProperty("carried").GetBoolean().ShouldBeFalse();
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new { outcome = "VoteFailed" }, 200);
    }

    [Fact]
    public async Task A_consensus_only_forum_holds_no_vote_and_an_unknown_item_has_none()
    {
        var w = await World(open: true);
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/vote"), new { }, 409), 409, "consensus-only");
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Item(Guid.NewGuid(), "/vote"), new { }, 404), 404, "item-not-found");
    }

    [Fact]
    public async Task Members_admitted_or_removed_after_the_session_opened_change_its_quorum_and_a_removed_member_leaves()
    {
        var w = await World(open: true);
        (await Board(w, w.Gov.Token)).GetProperty("quorum").GetProperty("votingMembers").GetInt32().ShouldBe(5);
        await Tracked(() => Send(w.Secretariat, s => s.Post.Json(new { name = "New Member", email = "new@cso.test", organisation = "NGO", group = "CivilSociety", role = "Member" })
            .ToUrl($"/api/forums/{w.ForumId}/members"), 201));
        await Tracked(() => Send(w.Secretariat, s => s.Delete.Url($"/api/forums/{w.ForumId}/members/{w.Gov.MemberId}"), 204));

        var board = await Board(w, w.Cso.Token);
        var quorum = board.GetProperty("quorum");
        quorum.GetProperty("votingMembers").GetInt32().ShouldBe(5);
        quorum.GetProperty("present").GetInt32().ShouldBe(4);
        board.GetProperty("attendees").TryGetProperty(w.Gov.MemberId.ToString(), out _).ShouldBeFalse();
        board.GetProperty("votingPresent").GetProperty("Government").GetInt32().ShouldBe(1);
    }
}
