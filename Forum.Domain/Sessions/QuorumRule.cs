using Forum.Domain.Forums;

namespace Forum.Domain.Sessions;

/// <summary>
/// Quorum: a share of the voting members present (ForumRules.QuorumShare, rounded up). With parity required,
/// Government and CivilSociety must each be present in at least that share of their own voting members.
/// </summary>
public static class QuorumRule
{
    public static Quorum Evaluate(IReadOnlyDictionary<StakeholderGroup, int> votingMembers, ForumRules rules,
        IEnumerable<(StakeholderGroup Group, bool Votes)> present) =>
        Evaluate(votingMembers, rules, present.Where(p => p.Votes).GroupBy(p => p.Group).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>From the counts of voting members present by group.</summary>
    public static Quorum Evaluate(IReadOnlyDictionary<StakeholderGroup, int> votingMembers, ForumRules rules,
        IReadOnlyDictionary<StakeholderGroup, int> presentVoting)
    {
        var total = votingMembers.Values.Sum();
        var count = presentVoting.Values.Sum();
        var required = Required(total, rules.QuorumShare);
        var met = total > 0 && count >= required;
        var parityMet = true;
        var parityNote = "";
        if (rules.ParityRequired)
        {
            foreach (var group in new[] { StakeholderGroup.Government, StakeholderGroup.CivilSociety })
            {
                var members = votingMembers.GetValueOrDefault(group);
                var here = presentVoting.GetValueOrDefault(group);
                var needed = Math.Max(1, Required(members, rules.QuorumShare));
                if (here < needed)
                {
                    parityMet = false;
                    parityNote += $" {group}: {here} of {members} present, {needed} needed for parity.";
                }
            }
        }
        var explanation = total == 0
            ? "The forum has no voting members."
            : $"{count} of {total} voting members present; {required} needed ({rules.QuorumShare:P0})." +
              (rules.ParityRequired ? (parityMet ? " Parity between Government and CivilSociety holds." : parityNote) : "");
        return new Quorum(met && parityMet, count, required, total, rules.ParityRequired, parityMet, explanation.Trim());
    }

    private static int Required(int members, double share) => (int)Math.Ceiling(members * share - 1e-9);
}
