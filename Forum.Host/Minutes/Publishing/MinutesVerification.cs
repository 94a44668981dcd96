using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Forum.Domain.Minutes;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// What a verification found, each part separately: the document (the PDF's bytes against the hash that was signed, and
/// the PDF's own PAdES signature with its timestamp), the events (the session's record in the store now against the hash
/// that was signed, naming the first event that differs), and the signature over the detached record (against the
/// forum's key), with the record's place in the forum's chain.
/// </summary>
public sealed record VerificationReport(
    Guid? MinutesId,
    bool DocumentIntact,
    bool? EventsIntact,
    bool SignatureValid,
    bool PdfSignatureValid,
    string? KeyId,
    long Version,
    string? DocumentSha256,
    string? EventsSha256,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Notes)
{
    public SignatureRecord? Record { get; init; }

    /// <summary>The record's own signature verifies with the key it names: it is evidence, whatever else changed.</summary>
    public bool RecordAuthentic { get; init; }
    public EventDifference? FirstChangedEvent { get; init; }
    public string? SubFilter { get; init; }
    public SignatureTimestamp? Timestamp { get; init; }

    /// <summary>PAdES-B-T with a signature timestamp, PAdES-B-B without; the older adbe.pkcs7.detached otherwise.</summary>
    public string? SignatureLevel => SubFilter switch
    {
        null => null,
        "ETSI.CAdES.detached" => Timestamp is not null ? "PAdES-B-T" : "PAdES-B-B",
        _ => SubFilter,
    };

    public bool Valid => DocumentIntact && EventsIntact != false && SignatureValid && PdfSignatureValid && Problems.Count == 0;
}

/// <summary>
/// The session's events as the store holds them now, against the record: their hash, and when it differs, the first
/// event that does (from the event hashes kept at publication, if the record vouches for them).
/// </summary>
public sealed record EventsCheck(string Sha256Now, EventDifference? FirstDifference, bool Traceable)
{
    public static async Task<EventsCheck> Of(IQuerySession session, IDocumentStore store, SignatureRecord record, CancellationToken ct = default)
    {
        var now = await SessionHistory.Digest(store, record.SessionId, record.SessionVersion, ct);
        if (now.Sha256 == record.EventsSha256) return new EventsCheck(now.Sha256, null, true);
        var kept = await session.LoadAsync<SignedEventDigests>(record.MinutesId, ct);
        var traceable = kept is not null && record.EventDigestsSha256 is { } bound && Convert.ToHexStringLower(SHA256.HashData(kept.Digests)) == bound;
        return new EventsCheck(now.Sha256, traceable ? EventHash.FirstDifference(kept!.Digests, now.Events) : null, traceable);
    }
}

public static class MinutesVerification
{
    /// <summary>Published minutes as the store keeps them: their files, the session's events now, and the publication event.</summary>
    public static async Task<VerificationReport> Stored(IQuerySession session, IDocumentStore store, SigningKeys keys, MinutesState minutes,
        PublishedMinutes stored, CancellationToken ct = default)
    {
        var record = SignatureRecord.Parse(stored.SignatureJson);
        var events = record is null ? null : await EventsCheck.Of(session, store, record, ct);
        // The publication of this document's language: a record moved to the other language's place does not match it.
        return Verify(stored.Pdf, stored.SignatureJson, keys.Find, events, minutes.PublicationIn(stored.Language ?? minutes.Language));
    }

    /// <param name="events">The session's events checked against the store, or null when no store can be asked.</param>
    /// <param name="published">The publication event, when verifying against the store: the record must match it.</param>
    public static VerificationReport Verify(byte[] pdf, string? signatureJson, Func<string, X509Certificate2?> forumKey, EventsCheck? events,
        MinutesPublished? published = null)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var record = signatureJson is null ? null : SignatureRecord.Parse(signatureJson);
        var pdfSignature = PdfSignatureCheck.Check(pdf);
        if (record is null)
        {
            problems.Add("signature: the signature file is not a Forum minutes signature record (" + SignatureRecord.FormatName + ").");
            return new VerificationReport(null, false, null, false, pdfSignature.Valid, null, 0, null, null, problems, notes);
        }

        var documentSha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var documentIntact = documentSha == record.DocumentSha256 && (published is null || published.DocumentSha256 == documentSha);
        if (!documentIntact)
            problems.Add($"document: the PDF's SHA-256 is {documentSha} but the signed record says {published?.DocumentSha256 ?? record.DocumentSha256}: the document was changed after signing.");

        var pdfSignatureValid = pdfSignature.Valid && pdfSignature.SignerKeyId == record.KeyId && pdfSignature.Timestamp?.Valid != false;
        if (!pdfSignature.Valid) problems.Add("document: " + pdfSignature.Detail + ".");
        else if (pdfSignature.SignerKeyId != record.KeyId)
            problems.Add($"document: the PDF was signed with key {pdfSignature.SignerKeyId}, not with {record.KeyId} named in the signature file.");
        else if (pdfSignature.Timestamp is { Valid: false })
            problems.Add("document: the PDF signature's timestamp is not over this signature: it was taken for another one.");

        var cert = forumKey(record.KeyId);
        if (cert is null && record.EmbeddedCertificate() is { } embedded && SigningKeys.KeyIdOf(embedded) == record.KeyId)
        {
            cert = embedded;
            notes.Add($"key {record.KeyId} is not among this forum's keys; the signature was checked against the certificate in the signature file.");
        }
        var authentic = cert is not null && record.VerifyWith(cert);
        var signatureValid = authentic;
        if (cert is null) problems.Add($"signature: key {record.KeyId} is unknown (neither a forum key nor the certificate in the signature file).");
        else if (!signatureValid) problems.Add($"signature: the signature file's signature does not verify with key {record.KeyId}: the signature file was changed.");
        if (published is not null && (published.Signature != record.Signature || published.KeyId != record.KeyId
                || published.SessionVersion != record.SessionVersion || published.EventsSha256 != record.EventsSha256))
        {
            signatureValid = false;
            problems.Add("signature: the signature file does not match the publication on record.");
        }

        bool? eventsIntact = null;
        if (events is null) notes.Add("events: not checked (no database to recompute the session's events from).");
        else
        {
            eventsIntact = events.Sha256Now == record.EventsSha256;
            if (eventsIntact == false)
                problems.Add("events: " + (events.FirstDifference is { } d ? Describe(d) + "; " : "") + $"the session's events up to version {record.SessionVersion} now hash to {events.Sha256Now}, but the minutes were signed over {record.EventsSha256}: the record in the store was changed."
                    + (events.FirstDifference is null && !events.Traceable ? " The event hashes kept at publication are missing or changed too, so the event cannot be named." : ""));
        }
        if (record.Format == SignatureRecord.FormatWithoutChain)
            notes.Add("chain: these minutes were signed before the forum's archive chain (signature format 1); they are checked on their own.");

        return new VerificationReport(record.MinutesId, documentIntact, eventsIntact, signatureValid, pdfSignatureValid, record.KeyId,
            record.SessionVersion, documentSha, record.EventsSha256, problems, notes)
        {
            Record = record, RecordAuthentic = authentic, FirstChangedEvent = events?.FirstDifference, SubFilter = pdfSignature.SubFilter, Timestamp = pdfSignature.Timestamp,
        };
    }

    public static string Describe(EventDifference d) => d.Change switch
    {
        "missing" => $"event {d.Version} is missing",
        "added" => $"event {d.Version} ({d.Type}) was added",
        _ => $"event {d.Version} ({d.Type}) is not as it was when the minutes were signed",
    };
}
