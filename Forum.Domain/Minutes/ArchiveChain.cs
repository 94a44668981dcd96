namespace Forum.Domain.Minutes;

/// <summary>
/// A document's signature record as the store holds it now, as far as the chain goes: the number and predecessor it was
/// signed with (none for records made before the chain, format 1), the SHA-256 of its signed bytes, and whether its
/// signature verifies (a record that does not is not evidence of anything).
/// </summary>
public sealed record SignedLink(Guid MinutesId, string Language, long? Sequence, string RecordSha256, Guid? PreviousMinutesId,
    string? PreviousRecordSha256, bool Authentic);

public enum ChainFault { Removed, Replaced, Reordered }

/// <summary>What the walk found wrong, naming the minutes (and its number in the chain, where known).</summary>
public sealed record ChainFinding(ChainFault Fault, Guid MinutesId, long? Sequence, string Detail);

public sealed record ChainReport(long Length, SignedLink? Head, IReadOnlyList<ChainFinding> Findings, IReadOnlyList<Guid> Unchained)
{
    public bool Intact => Findings.Count == 0;
}

/// <summary>
/// Walks a forum's chain of signed minutes (docs/adr/0015) from number 1 to the last, comparing three things an attacker
/// with database access might change independently: the signed records (which only the key holder can make), the archive's
/// entries, and the list of minutes the forum shows as published. The signed records are the authority: each names its
/// number and the record it was signed after, so a document taken out leaves a gap its successor names, a document swapped
/// for another breaks its successor's hash, and an archive whose entries were shuffled disagrees with the numbers signed.
/// A removed last document leaves no successor to name it: the head this walk reports is what a reader keeps to detect that.
/// </summary>
public static class ArchiveChain
{
    public static ChainReport Walk(IReadOnlyList<ArchiveEntry> entries, IReadOnlyList<SignedLink> records,
        IReadOnlyCollection<(Guid MinutesId, string Language)> listed)
    {
        var findings = new List<ChainFinding>();
        void Find(ChainFault fault, Guid minutesId, long? sequence, string detail)
        {
            if (!findings.Any(f => f.MinutesId == minutesId && f.Fault == fault)) findings.Add(new ChainFinding(fault, minutesId, sequence, detail));
        }

        foreach (var r in records.Where(r => !r.Authentic))
            Find(ChainFault.Replaced, r.MinutesId, r.Sequence, $"minutes {r.MinutesId}: its signature record does not verify, so it is not the record that was signed.");

        var signed = records.Where(r => r.Authentic && r.Sequence is not null).GroupBy(r => r.Sequence!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var entered = entries.GroupBy(e => e.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        var last = Math.Max(entries.Count == 0 ? 0 : entries.Max(e => e.Sequence), signed.Count == 0 ? 0 : signed.Keys.Max());
        long? SignedAs(Guid minutesId, string language) =>
            records.FirstOrDefault(r => r.Authentic && r.MinutesId == minutesId && r.Language == language)?.Sequence;

        for (var k = 1L; k <= last; k++)
        {
            var entry = entered.GetValueOrDefault(k)?[0];
            if (!signed.TryGetValue(k, out var here))
            {
                var successor = signed.GetValueOrDefault(k + 1)?[0];
                var named = successor?.PreviousMinutesId ?? entry?.MinutesId ?? Guid.Empty;
                if (findings.Any(f => f.MinutesId == named)) continue; // its record is there, but not authentic: named above
                Find(ChainFault.Removed, named, k, entry is not null
                    ? $"number {k} (minutes {named}) is in the archive's chain, but its signed record is gone."
                    : $"number {k} (minutes {named}) is missing from the archive: minutes {successor?.MinutesId} was signed after it.");
                continue;
            }
            foreach (var extra in here.Skip(1))
                Find(ChainFault.Replaced, extra.MinutesId, k, $"minutes {extra.MinutesId} and {here[0].MinutesId} both claim number {k} of the chain.");
            var r = here[0];

            if (k > 1 && signed.GetValueOrDefault(k - 1) is [var before])
            {
                if (r.PreviousMinutesId != before.MinutesId)
                    Find(ChainFault.Replaced, before.MinutesId, k - 1,
                        $"number {k - 1} is minutes {before.MinutesId}, but number {k} (minutes {r.MinutesId}) was signed after minutes {r.PreviousMinutesId}.");
                else if (r.PreviousRecordSha256 != before.RecordSha256)
                    Find(ChainFault.Replaced, before.MinutesId, k - 1,
                        $"number {k - 1} (minutes {before.MinutesId}) is not the document that number {k} (minutes {r.MinutesId}) was signed after: its signature record hashes to {before.RecordSha256}, not {r.PreviousRecordSha256}.");
            }

            if (entry is null)
                Find(ChainFault.Removed, r.MinutesId, k, $"number {k} (minutes {r.MinutesId}) is signed, but the archive's chain lost its entry.");
            else if (entry.MinutesId != r.MinutesId || entry.Language != r.Language)
                Find(ChainFault.Reordered, entry.MinutesId, k, SignedAs(entry.MinutesId, entry.Language) is { } actual
                    ? $"the archive lists minutes {entry.MinutesId} as number {k}, but it was signed as number {actual}."
                    : $"the archive lists minutes {entry.MinutesId} as number {k}, but number {k} was signed as minutes {r.MinutesId}.");
            else if (entry.RecordSha256 != r.RecordSha256)
                Find(ChainFault.Replaced, r.MinutesId, k, $"number {k} (minutes {r.MinutesId}): the stored signature record is not the one entered in the archive at publication.");
        }

        foreach (var (minutesId, language) in listed)
        {
            if (records.Any(r => r.MinutesId == minutesId && r.Language == language)) continue;
            var number = entries.FirstOrDefault(e => e.MinutesId == minutesId && e.Language == language)?.Sequence;
            Find(ChainFault.Removed, minutesId, number, $"minutes {minutesId} is listed as published, but its signed record is gone.");
        }

        var head = signed.Count == 0 ? null : signed[signed.Keys.Max()][0];
        var unchained = records.Where(r => r.Authentic && r.Sequence is null).Select(r => r.MinutesId).Distinct().ToList();
        return new ChainReport(last, head, findings, unchained);
    }
}
