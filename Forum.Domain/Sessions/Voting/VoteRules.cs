using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions.Voting;

public sealed record OpenVote(Guid ItemId, string? Question);
public sealed record CastVote(Guid ItemId, VoteChoice? Choice);
public sealed record CloseVote(Guid ItemId);

/// <summary>
/// A vote round, where the forum's rules allow a vote (ForumRules.VoteFallback): a co-chair opens it on the open decision
/// item; voting members present vote Yes, No or Abstain and may change their vote while it is open; a co-chair closes it,
/// and the result follows the rules' threshold — Yes among Yes and No at or above it, with quorum as it stands then.
/// One vote per item.
/// </summary>
public static class VoteRules
{
    public static Verdict Open(ForumState forum, SessionState s, OpenVote c, Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "open a vote") is { } denied) return denied;
        if (SessionRules.OpenItemOf(s, c.ItemId, "open a vote on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (item.Kind != ItemKind.Decision)
            return Rejection.Conflict("decision-item-only", $"'{item.Title}' is a {item.Kind} item; votes are held on decision items.");
        if (!s.Rules.VoteFallback)
            return Rejection.Conflict("consensus-only", $"'{forum.Name}' decides by consensus only; its rules allow no vote.");
        if (item.Decided) return Rejection.Conflict("already-decided", $"A decision on '{item.Title}' is already on record.");
        if (item.VoteOpen || item.Vote is not null)
            return Rejection.Conflict("one-vote-per-item", $"A vote on '{item.Title}' is {(item.VoteOpen ? "open" : "already held")}; an item has one vote.");
        if (Input.MaxLength("question", c.Question, SessionRules.TextMax) is { } bad) return bad;
        var question = string.IsNullOrWhiteSpace(c.Question) ? item.Proposal ?? item.Title : c.Question.Trim();
        return Verdict.Accept(new VoteOpened(s.Id, item.ItemId, question, actor!.AccountId, now));
    }

    /// <param name="current">The member's vote so far in this round, if any.</param>
    public static Verdict Cast(ForumState forum, SessionState s, VoteChoice? current, CastVote c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var member = forum.MemberByEmail(actor.Email);
        if (member is null) return Rejection.Forbidden("forum-members-only", "Only members of this forum vote.");
        if (!member.Votes) return Rejection.Forbidden("voting-member-only", $"{member.Name} is an observer; observers do not vote.");
        if (Input.Defined("choice", c.Choice) is { } bad) return bad;
        if (SessionRules.OpenItemOf(s, c.ItemId, "vote on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (!item.VoteOpen) return Rejection.Conflict("vote-not-open", $"No vote is open on '{item.Title}'.");
        if (!s.Present.ContainsKey(member.MemberId))
            return Rejection.Conflict("check-in-first", $"{member.Name} has not checked in; only members present vote.");
        if (current == c.Choice) return Verdict.Accept();
        return Verdict.Accept(new VoteCast(s.Id, item.ItemId, member.MemberId, c.Choice!.Value, now));
    }

    /// <param name="ballots">Every vote cast in this round, by member, with the voter's group.</param>
    public static Verdict Close(ForumState forum, SessionState s, IReadOnlyDictionary<Guid, (StakeholderGroup Group, VoteChoice Choice)> ballots, CloseVote c,
        Actor? actor, DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "close a vote") is { } denied) return denied;
        if (SessionRules.OpenItemOf(s, c.ItemId, "close a vote on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (!item.VoteOpen) return Rejection.Conflict("vote-not-open", $"No vote is open on '{item.Title}'.");
        var byGroup = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, g => (IReadOnlyDictionary<VoteChoice, int>)Enum.GetValues<VoteChoice>()
            .ToDictionary(v => v, v => ballots.Values.Count(b => b.Group == g && b.Choice == v)));
        int Count(VoteChoice v) => ballots.Values.Count(b => b.Choice == v);
        var (yes, no, abstain) = (Count(VoteChoice.Yes), Count(VoteChoice.No), Count(VoteChoice.Abstain));
        var quorum = QuorumRule.Evaluate(s.VotingMembers, s.Rules, s.Present.Values.Select(a => (a.Group, a.Votes)));
        var carried = quorum.Met && yes + no > 0 && (double)yes / (yes + no) >= s.Rules.VoteThreshold;
        return Verdict.Accept(new VoteClosed(s.Id, item.ItemId, byGroup, yes, no, abstain, s.Rules.VoteThreshold, carried, quorum, actor!.AccountId, now));
    }
}
