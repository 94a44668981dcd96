using Forum.Domain.ActionPlans;
using Forum.Domain.Sessions;

namespace Forum.Projections.ActionPlans;

/// <summary>A completion level, when it was given and by whom.</summary>
public sealed record LevelAt(Completion Level, DateTimeOffset At, string By);

public sealed class MilestoneRow
{
    public Guid MilestoneId { get; set; }
    public string Title { get; set; } = "";
    public string Output { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public LevelAt? Government { get; set; }
    public LevelAt? CivilSociety { get; set; }
}

/// <summary>
/// One commitment's line on the tracker: what the ActionPlanTracker reads of each commitment (selected out of
/// <see cref="CommitmentHistory"/>, so a tracker of 20 commitments never loads two years of reports).
/// </summary>
public sealed class CommitmentRow
{
    public Guid CommitmentId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string LeadInstitution { get; set; } = "";
    public CommitmentStatus Status { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public List<OgpValue> Values { get; set; } = [];
    /// <summary>The latest commitment-wide report (no milestone named) and assessment.</summary>
    public LevelAt? Government { get; set; }
    public LevelAt? CivilSociety { get; set; }
    public List<MilestoneRow> Milestones { get; set; } = [];
    public int Reports { get; set; }
    public int Assessments { get; set; }
}

public sealed record Adoption(Guid SessionId, Guid ItemId, Outcome Outcome, DateTimeOffset At);
/// <summary>One change to the commitment: Version is its place in the commitment's stream.</summary>
public sealed record HistoryEntry(long Version, DateTimeOffset At, string Change, string Summary);

/// <summary>
/// A commitment with its milestones, reports, assessments and every change (DESIGN: CommitmentHistory). Inline, per commitment
/// stream; as it stood at any moment it is the same fold stopped at that moment (AggregateStreamAsync with a timestamp).
/// </summary>
public sealed class CommitmentHistory
{
    public Guid Id { get; set; }
    public Guid ActionPlanId { get; set; }
    public Guid ForumId { get; set; }
    public long Version { get; set; }
    public CommitmentTerms Terms { get; set; } = null!;
    public DateTimeOffset DraftedAt { get; set; }
    public DateTimeOffset? AmendedAt { get; set; }
    public Adoption? Adoption { get; set; }
    public CommitmentRow Row { get; set; } = new();
    public List<ProgressReported> Reports { get; set; } = [];
    public List<AssessmentRecorded> Assessments { get; set; } = [];
    public List<HistoryEntry> History { get; set; } = [];

    public static CommitmentHistory Create(CommitmentDrafted e)
    {
        var h = new CommitmentHistory { Id = e.CommitmentId, ActionPlanId = e.ActionPlanId, ForumId = e.ForumId, DraftedAt = e.At };
        h.Row.CommitmentId = e.CommitmentId;
        h.Row.Number = e.Number;
        h.Set(e.Terms);
        h.Note(e.At, "CommitmentDrafted", $"Commitment {e.Number} drafted: {e.Terms.Title}");
        return h;
    }

    public void Apply(CommitmentAmended e)
    {
        var changed = Changed(Terms, e.Terms);
        Set(e.Terms);
        AmendedAt = e.At;
        Note(e.At, "CommitmentAmended", $"Amended: {string.Join(", ", changed)}");
    }

    public void Apply(MilestoneAdded e)
    {
        Row.Milestones.Add(new MilestoneRow { MilestoneId = e.MilestoneId, Title = e.Title, Output = e.Output, StartsOn = e.StartsOn, EndsOn = e.EndsOn });
        Note(e.At, "MilestoneAdded", $"Milestone added: {e.Title} ({e.StartsOn:yyyy-MM-dd} to {e.EndsOn:yyyy-MM-dd})");
    }

    public void Apply(MilestoneAmended e)
    {
        var m = Row.Milestones.Single(x => x.MilestoneId == e.MilestoneId);
        m.Title = e.Title; m.Output = e.Output; m.StartsOn = e.StartsOn; m.EndsOn = e.EndsOn;
        Note(e.At, "MilestoneAmended", $"Milestone amended: {e.Title} ({e.StartsOn:yyyy-MM-dd} to {e.EndsOn:yyyy-MM-dd})");
    }

    public void Apply(CommitmentAdopted e)
    {
        Adoption = new Adoption(e.SessionId, e.ItemId, e.Outcome, e.At);
        Row.Status = CommitmentStatus.Adopted;
        Note(e.At, "CommitmentAdopted", $"Adopted in session ({e.Outcome})");
    }

    public void Apply(ProgressReported e)
    {
        Reports.Add(e);
        Row.Reports++;
        var level = new LevelAt(e.Completion, e.At, e.MemberName);
        if (e.MilestoneId is { } m) Row.Milestones.Single(x => x.MilestoneId == m).Government = level;
        else Row.Government = level;
        Note(e.At, "ProgressReported", $"{e.MemberName} reported {e.Completion}{On(e.MilestoneId)}");
    }

    public void Apply(AssessmentRecorded e)
    {
        Assessments.Add(e);
        Row.Assessments++;
        var level = new LevelAt(e.Completion, e.At, e.MemberName);
        if (e.MilestoneId is { } m) Row.Milestones.Single(x => x.MilestoneId == m).CivilSociety = level;
        else Row.CivilSociety = level;
        Note(e.At, "AssessmentRecorded", $"{e.MemberName} ({e.Organisation}) assessed {e.Completion}{On(e.MilestoneId)}");
    }

    private string On(Guid? milestoneId) =>
        milestoneId is { } m ? $" on milestone '{Row.Milestones.Single(x => x.MilestoneId == m).Title}'" : "";

    private void Set(CommitmentTerms t)
    {
        Terms = t;
        Row.Title = t.Title; Row.LeadInstitution = t.LeadInstitution; Row.StartsOn = t.StartsOn; Row.EndsOn = t.EndsOn; Row.Values = t.Values.ToList();
    }

    // Every event of the stream adds one entry, so the entry's place is the stream version it brought.
    private void Note(DateTimeOffset at, string change, string summary) => History.Add(new HistoryEntry(History.Count + 1, at, change, summary));

    private static IEnumerable<string> Changed(CommitmentTerms a, CommitmentTerms b)
    {
        if (a.Title != b.Title) yield return "title";
        if (a.Problem != b.Problem) yield return "problem";
        if (a.Description != b.Description) yield return "description";
        if (a.Solution != b.Solution) yield return "solution";
        if (!a.Values.SequenceEqual(b.Values)) yield return "values";
        if (a.LeadInstitution != b.LeadInstitution) yield return "lead institution";
        if (!a.SupportingActors.SequenceEqual(b.SupportingActors)) yield return "supporting actors";
        if (a.StartsOn != b.StartsOn || a.EndsOn != b.EndsOn) yield return "dates";
        if (!a.Reporters.SequenceEqual(b.Reporters)) yield return "reporters";
    }
}
