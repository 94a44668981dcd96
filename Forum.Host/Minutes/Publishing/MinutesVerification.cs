using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Forum.Domain.Minutes;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// What a verification found, each part separately: the document (the PDF's bytes against the hash that was signed, and
/// the PDF's own signature), the events (the session's record in the store now against the hash that was signed), and
/// the signature over the detached record (against the forum's key).
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
    public bool Valid => DocumentIntact && EventsIntact != false && SignatureValid && PdfSignatureValid && Problems.Count == 0;
}

public static class MinutesVerification
{
    /// <param name="eventsSha256Now">The session events' hash recomputed from the store, or null when no store can be asked.</param>
    /// <param name="published">The publication event, when verifying against the store: the record must match it.</param>
    public static VerificationReport Verify(byte[] pdf, string? signatureJson, Func<string, X509Certificate2?> forumKey, string? eventsSha256Now,
        MinutesPublished? published = null)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var record = signatureJson is null ? null : SignatureRecord.Parse(signatureJson);
        if (record is null || record.Format != SignatureRecord.FormatName)
        {
            problems.Add("signature: the signature file is not a Forum minutes signature record (" + SignatureRecord.FormatName + ").");
            return new VerificationReport(null, false, null, false, PdfSignatureCheck.Check(pdf).Valid, null, 0, null, null, problems, notes);
        }

        var documentSha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var documentIntact = documentSha == record.DocumentSha256 && (published is null || published.DocumentSha256 == documentSha);
        if (!documentIntact)
            problems.Add($"document: the PDF's SHA-256 is {documentSha} but the signed record says {published?.DocumentSha256 ?? record.DocumentSha256}: the document was changed after signing.");

        var pdfSignature = PdfSignatureCheck.Check(pdf);
        var pdfSignatureValid = pdfSignature.Valid && pdfSignature.SignerKeyId == record.KeyId;
        if (!pdfSignature.Valid) problems.Add("document: " + pdfSignature.Detail + ".");
        else if (pdfSignature.SignerKeyId != record.KeyId)
            problems.Add($"document: the PDF was signed with key {pdfSignature.SignerKeyId}, not with {record.KeyId} named in the signature file.");

        var cert = forumKey(record.KeyId);
        if (cert is null && record.EmbeddedCertificate() is { } embedded && SigningKeys.KeyIdOf(embedded) == record.KeyId)
        {
            cert = embedded;
            notes.Add($"key {record.KeyId} is not among this forum's keys; the signature was checked against the certificate in the signature file.");
        }
        var signatureValid = cert is not null && record.VerifyWith(cert);
        if (cert is null) problems.Add($"signature: key {record.KeyId} is unknown (neither a forum key nor the certificate in the signature file).");
        else if (!signatureValid) problems.Add($"signature: the signature file's signature does not verify with key {record.KeyId}: the signature file was changed.");
        if (published is not null && (published.Signature != record.Signature || published.KeyId != record.KeyId
                || published.SessionVersion != record.SessionVersion || published.EventsSha256 != record.EventsSha256))
        {
            signatureValid = false;
            problems.Add("signature: the signature file does not match the publication on record.");
        }

        bool? eventsIntact = null;
        if (eventsSha256Now is null) notes.Add("events: not checked (no database to recompute the session's events from).");
        else
        {
            eventsIntact = eventsSha256Now == record.EventsSha256;
            if (eventsIntact == false)
                problems.Add($"events: the session's events up to version {record.SessionVersion} now hash to {eventsSha256Now}, but the minutes were signed over {record.EventsSha256}: the record in the store was changed.");
        }

        return new VerificationReport(record.MinutesId, documentIntact, eventsIntact, signatureValid, pdfSignatureValid, record.KeyId,
            record.SessionVersion, documentSha, record.EventsSha256, problems, notes);
    }
}
