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
/// One commitment's line on the tracker: an inline snapshot of its own (and the same fold inside
/// <see cref="CommitmentHistory"/>), so a tracker of 20 commitments reads 20 small documents, never two years of reports.
/// </summary>
public sealed class CommitmentRow
{
    public Guid Id { get; set; }
    public Guid ActionPlanId { get; set; }
    public long Version { get; set; }
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

    public static CommitmentRow Create(CommitmentDrafted e)
    {
        var row = new CommitmentRow { Id = e.CommitmentId, ActionPlanId = e.ActionPlanId, Number = e.Number };
        row.Set(e.Terms);
        return row;
    }

    public void Apply(CommitmentAmended e) => Set(e.Terms);
    public void Apply(MilestoneAdded e) =>
        Milestones.Add(new MilestoneRow { MilestoneId = e.MilestoneId, Title = e.Title, Output = e.Output, StartsOn = e.StartsOn, EndsOn = e.EndsOn });

    public void Apply(MilestoneAmended e)
    {
        var m = Milestone(e.MilestoneId);
        m.Title = e.Title; m.Output = e.Output; m.StartsOn = e.StartsOn; m.EndsOn = e.EndsOn;
    }

    public void Apply(CommitmentAdopted _) => Status = CommitmentStatus.Adopted;

    public void Apply(ProgressReported e)
    {
        Reports++;
        var level = new LevelAt(e.Completion, e.At, e.MemberName);
        if (e.MilestoneId is { } m) Milestone(m).Government = level;
        else Government = level;
    }

    public void Apply(AssessmentRecorded e)
    {
        Assessments++;
        var level = new LevelAt(e.Completion, e.At, e.MemberName);
        if (e.MilestoneId is { } m) Milestone(m).CivilSociety = level;
        else CivilSociety = level;
    }

    public MilestoneRow Milestone(Guid id) => Milestones.Single(x => x.MilestoneId == id);

    private void Set(CommitmentTerms t)
    {
        Title = t.Title; LeadInstitution = t.LeadInstitution; StartsOn = t.StartsOn; EndsOn = t.EndsOn; Values = t.Values.ToList();
    }
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
        var h = new CommitmentHistory { Id = e.CommitmentId, ActionPlanId = e.ActionPlanId, ForumId = e.ForumId, DraftedAt = e.At, Terms = e.Terms,
            Row = CommitmentRow.Create(e) };
        h.Note(e.At, "CommitmentDrafted", $"Commitment {e.Number} drafted: {e.Terms.Title}");
        return h;
    }

    public void Apply(CommitmentAmended e)
    {
        var changed = Changed(Terms, e.Terms);
        Terms = e.Terms;
        Row.Apply(e);
        AmendedAt = e.At;
        Note(e.At, "CommitmentAmended", $"Amended: {string.Join(", ", changed)}");
    }

    public void Apply(MilestoneAdded e)
    {
        Row.Apply(e);
        Note(e.At, "MilestoneAdded", $"Milestone added: {e.Title} ({e.StartsOn:yyyy-MM-dd} to {e.EndsOn:yyyy-MM-dd})");
    }

    public void Apply(MilestoneAmended e)
    {
        Row.Apply(e);
        Note(e.At, "MilestoneAmended", $"Milestone amended: {e.Title} ({e.StartsOn:yyyy-MM-dd} to {e.EndsOn:yyyy-MM-dd})");
    }

    public void Apply(CommitmentAdopted e)
    {
        Adoption = new Adoption(e.SessionId, e.ItemId, e.Outcome, e.At);
        Row.Apply(e);
        Note(e.At, "CommitmentAdopted", $"Adopted in session ({e.Outcome})");
    }

    public void Apply(ProgressReported e)
    {
        Reports.Add(e);
        Row.Apply(e);
        Note(e.At, "ProgressReported", $"{e.MemberName} reported {e.Completion}{On(e.MilestoneId)}");
    }

    public void Apply(AssessmentRecorded e)
    {
        Assessments.Add(e);
        Row.Apply(e);
        Note(e.At, "AssessmentRecorded", $"{e.MemberName} ({e.Organisation}) assessed {e.Completion}{On(e.MilestoneId)}");
    }

    private string On(Guid? milestoneId) =>
        milestoneId is { } m ? $" on milestone '{Row.Milestone(m).Title}'" : "";

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
