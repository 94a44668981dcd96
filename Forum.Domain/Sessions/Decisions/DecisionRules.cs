using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions.Decisions;

/// <summary>
/// Recording a decision (a co-chair): consensus only while no Block stands, a reasoned response to each Object and Block,
/// quorum for any outcome but NoConsensus or Deferred, a vote only where the forum's rules allow one.
/// </summary>
public static class DecisionRules
{
    /// <summary><paramref name="positions"/>: the item's positions as they stand (withdrawn ones left out), by member.</summary>
    public static Verdict Decide(ForumState forum, SessionState s, IReadOnlyDictionary<Guid, PositionState> positions, RecordDecision c, Actor? actor,
        DateTimeOffset now)
    {
        if (SessionRules.CoChairOnly(forum, actor, "record decisions") is { } denied) return denied;
        if (SessionRules.OpenItemOf(s, c.ItemId, "record a decision on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (item.Kind == ItemKind.Information)
            return Rejection.Conflict("information-item", $"'{item.Title}' is for information; nothing is decided on it.");
        if (item.Decided) return Rejection.Conflict("already-decided", $"A decision on '{item.Title}' is already on record.");
        if (Input.First(Input.Defined("outcome", c.Outcome), Input.Required("text", c.Text ?? item.Proposal, SessionRules.TextMax)) is { } bad) return bad;
        var outcome = c.Outcome!.Value;
        var text = (c.Text ?? item.Proposal)!.Trim();

        var responses = new Dictionary<Guid, string>();
        foreach (var (response, i) in (c.Responses ?? []).Select((x, i) => (x, i)))
        {
            if (Input.First(Input.Id($"responses[{i}].memberId", response.MemberId),
                    Input.Required($"responses[{i}].response", response.Response, SessionRules.StatementMax)) is { } badResponse)
                return badResponse;
            if (!positions.ContainsKey(response.MemberId!.Value))
                return Rejection.Invalid($"responses[{i}].memberId", "response-to-a-position", $"{response.MemberId} has no position on '{item.Title}' to respond to.");
            responses[response.MemberId.Value] = response.Response!.Trim();
        }

        var stances = positions.Values.Select(p => p.Stance).ToList();
        var blocks = positions.Where(p => p.Value.Stance == Stance.Block).ToList();
        if (outcome is Outcome.ConsensusReached or Outcome.ConsensusWithReservations && blocks.Count > 0)
            return Rejection.Conflict("block-stands",
                $"Consensus cannot be recorded while a Block stands ({string.Join(", ", blocks.Select(b => SessionRules.NameOf(forum, s, b.Key)))}); record NoConsensus, Deferred, or a vote where the rules allow.");
        if (outcome == Outcome.ConsensusReached && stances.Any(x => x is Stance.Object or Stance.SupportWithReservations))
            return Rejection.Conflict("reservations-on-record", "Objections or reservations are on record: record ConsensusWithReservations, with a response to each.");

        var quorum = QuorumRule.Evaluate(s.VotingMembers, s.Rules, s.Present.Values.Select(a => (a.Group, a.Votes)));
        if (outcome is Outcome.ConsensusReached or Outcome.ConsensusWithReservations or Outcome.VoteCarried or Outcome.VoteFailed && !quorum.Met)
            return Rejection.Conflict("quorum-not-met", $"No quorum: {quorum.Explanation} Only NoConsensus or Deferred may be recorded without it.");
        if (outcome is Outcome.VoteCarried or Outcome.VoteFailed)
        {
            if (!s.Rules.VoteFallback)
                return Rejection.Conflict("consensus-only", $"'{forum.Name}' decides by consensus only; its rules allow no vote.");
            if (item.VoteOpen) return Rejection.Conflict("vote-still-open", $"The vote on '{item.Title}' is still open; close it first.");
            // A vote round held on the item decides; without one, the positions on record are counted as the votes.
            var yes = item.Vote?.Yes ?? stances.Count(x => x is Stance.Support or Stance.SupportWithReservations);
            var cast = item.Vote is { } v ? v.Yes + v.No : stances.Count(x => x != Stance.Abstain);
            var carried = item.Vote?.Carried ?? (cast > 0 && (double)yes / cast >= s.Rules.VoteThreshold);
            if (carried != (outcome == Outcome.VoteCarried))
                return Rejection.Conflict("vote-count", $"{yes} of {cast} votes cast support; the threshold is {s.Rules.VoteThreshold:P0}, so the vote {(carried ? "carried" : "failed")}.");
        }

        // DESIGN: a decision names every Block on record, and gives a reasoned response to each position not followed.
        var notFollowed = positions.Where(p => p.Value.Stance is Stance.Object or Stance.Block).ToList();
        var unanswered = notFollowed.Where(p => !responses.ContainsKey(p.Key)).Select(p => SessionRules.NameOf(forum, s, p.Key)).ToList();
        if (unanswered.Count > 0)
            return Rejection.Conflict("response-required", $"Each Object and Block needs a reasoned response; none given to: {string.Join(", ", unanswered)}.");

        var objections = positions
            .Where(p => p.Value.Stance is Stance.Object or Stance.Block || responses.ContainsKey(p.Key))
            .Select(p => new ObjectionOnRecord(p.Key, SessionRules.NameOf(forum, s, p.Key), SessionRules.GroupOf(forum, s, p.Key), p.Value.Stance, p.Value.Statement, responses.GetValueOrDefault(p.Key, "")))
            .ToList();
        var present = s.Present.Values.OrderBy(a => a.Group).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new PresentMember(a.MemberId, a.Name, a.Group, a.Role, a.Presence)).ToList();
        var tally = Enum.GetValues<Stance>().ToDictionary(x => x, x => stances.Count(y => y == x));

        var events = new List<object> { new DecisionRecorded(s.Id, item.ItemId, outcome, text, objections, present, quorum, tally, actor!.AccountId, now) };
        foreach (var (point, i) in (c.ActionPoints ?? []).Select((x, i) => (x, i)))
        {
            if (Input.First(Input.Required($"actionPoints[{i}].description", point.Description, SessionRules.TextMax),
                    Input.Id($"actionPoints[{i}].ownerMemberId", point.OwnerMemberId),
                    point.Due is null ? Rejection.Invalid($"actionPoints[{i}].due", "field-required", "Each action point has a due date (YYYY-MM-DD).") : null) is { } badPoint)
                return badPoint;
            if (!forum.Members.TryGetValue(point.OwnerMemberId!.Value, out var owner))
                return Rejection.Invalid($"actionPoints[{i}].ownerMemberId", "owner-is-a-member", $"'{forum.Name}' has no member {point.OwnerMemberId}.");
            events.Add(new ActionPointAssigned(s.Id, item.ItemId, c.ActionPointIds[i], point.Description!.Trim(), owner.MemberId, owner.Name, point.Due!.Value, actor.AccountId, now));
        }
        return Verdict.Accept([.. events]);
    }

}
