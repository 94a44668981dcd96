using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Forum.Domain.Minutes;
using Forum.Host.Minutes.Publishing;
using Forum.Host.Minutes.Reading;
using JasperFx.CommandLine;

namespace Forum.Host.Minutes;

public sealed class VerifyMinutesInput : NetCoreInput
{
    [Description("The downloaded minutes PDF")]
    public string Pdf { get; set; } = "";

    [Description("The downloaded signature file (.sig.json)")]
    public string Signature { get; set; } = "";

    [Description("Walk this forum's whole archive in the database: the chain of its minutes, and each minutes' own checks")]
    [FlagAlias("forum", 'f')]
    public string? ForumFlag { get; set; }

    [Description("A folder of PEM certificates to trust besides the forum's keys folder (e.g. saved from /.well-known/forum-keys)")]
    [FlagAlias("keys", 'k')]
    public string? KeysFlag { get; set; }

    [Description("Do not ask the database: neither the session's events nor the forum's chain")]
    [FlagAlias("offline", 'o')]
    public bool OfflineFlag { get; set; }
}

[Description("Verifies minutes: downloaded files (PDF and .sig.json: document, PDF signature and timestamp, signature file, the session's events, the file's place in the forum's chain), or with --forum a forum's whole archive", Name = "verify-minutes")]
public sealed class VerifyMinutesCommand : JasperFxAsyncCommand<VerifyMinutesInput>
{
    public VerifyMinutesCommand()
    {
        Usage("Check downloaded minutes and their place in the forum's chain").Arguments(x => x.Pdf, x => x.Signature);
        Usage("Walk a forum's archive (--forum <forumId>)").NoArguments();
    }

    public override async Task<bool> Execute(VerifyMinutesInput input)
    {
        if (input.ForumFlag is not null)
        {
            if (!Guid.TryParse(input.ForumFlag, out var forumId)) { Console.WriteLine($"verify-minutes: '{input.ForumFlag}' is not a forum id."); return false; }
            using var archiveHost = input.BuildHost();
            return await RunArchive(Console.Out, forumId, archiveHost.Services.GetRequiredService<SigningKeys>(), archiveHost.Services.GetRequiredService<IDocumentStore>());
        }
        if (!File.Exists(input.Pdf) || !File.Exists(input.Signature))
        {
            Console.WriteLine($"verify-minutes: {(File.Exists(input.Pdf) ? input.Signature : input.Pdf)} does not exist.");
            return false;
        }
        using var host = input.BuildHost();
        var keys = host.Services.GetRequiredService<SigningKeys>();
        var store = input.OfflineFlag ? null : host.Services.GetRequiredService<IDocumentStore>();
        return await Run(Console.Out, await File.ReadAllBytesAsync(input.Pdf), await File.ReadAllTextAsync(input.Signature), keys, input.KeysFlag, store);
    }

    /// <summary>Checks the files, prints one line per part (naming what is wrong), and answers whether all is intact.</summary>
    public static async Task<bool> Run(TextWriter output, byte[] pdf, string signatureJson, SigningKeys keys, string? extraKeys, IDocumentStore? store)
    {
        var record = SignatureRecord.Parse(signatureJson);
        EventsCheck? events = null;
        string? unreachable = null;
        ArchiveVerification? archive = null;
        if (store is not null && record is not null)
        {
            try
            {
                await using var session = store.QuerySession();
                events = await EventsCheck.Of(session, store, record);
                if (record.Sequence is not null) archive = await ArchiveVerification.Walk(session, store, keys, record.ForumId);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                unreachable = e.Message;
            }
        }
        var report = MinutesVerification.Verify(pdf, signatureJson, id => keys.Find(id) ?? Extra(extraKeys, id), events);

        output.WriteLine($"minutes:       {report.MinutesId}{(report.Record?.Language is { Length: > 0 } language ? $" ({language})" : "")}  (session version {report.Version}, key {report.KeyId})");
        Part(output, "document:", report.DocumentIntact ? "intact" : null, report.Problems, "document:");
        output.WriteLine($"pdf signature: {(report.PdfSignatureValid ? "valid" : "INVALID")}{(report.SignatureLevel is { } level ? $" ({level})" : "")}");
        if (report.Timestamp is { } t)
            output.WriteLine($"timestamp:     {(t.Valid ? "valid" : "INVALID")}, {t.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by {t.Authority}");
        Part(output, "signature:", report.SignatureValid ? "valid" : null, report.Problems, "signature:");
        if (unreachable is not null) output.WriteLine($"events:        NOT CHECKED: the database could not be reached ({unreachable})");
        else if (report.EventsIntact is null) output.WriteLine("events:        not checked (--offline)");
        else Part(output, "events:", report.EventsIntact == true ? "intact" : null, report.Problems, "events:");
        var chainOk = Chain(output, report.Record, archive, store is null || unreachable is not null);
        foreach (var note in report.Notes.Where(n => !n.StartsWith("events:"))) output.WriteLine("note:          " + note);
        var ok = report.Valid && unreachable is null && chainOk;
        output.WriteLine(ok ? "result:        VALID" : "result:        NOT VALID");
        return ok;
    }

    /// <summary>The forum's archive: the chain walked, then each minutes in chain order.</summary>
    public static async Task<bool> RunArchive(TextWriter output, Guid forumId, SigningKeys keys, IDocumentStore store)
    {
        await using var session = store.QuerySession();
        if (await session.Events.FetchStreamStateAsync(forumId) is null)
        {
            output.WriteLine($"verify-minutes: there is no forum {forumId} in this database (schema {store.Options.Events.DatabaseSchemaName}).");
            return false;
        }
        var archive = await ArchiveVerification.Walk(session, store, keys, forumId);
        output.WriteLine($"forum:         {forumId}  ({archive.Chain.Length} minutes in the chain)");
        if (archive.Chain.Head is { } head) output.WriteLine($"head:          number {head.Sequence}, minutes {head.MinutesId}, record {head.RecordSha256}");
        foreach (var f in archive.Chain.Findings)
            output.WriteLine($"chain:         {f.Fault.ToString().ToUpperInvariant()}: {(archive.TitleOf(f.MinutesId) is { } t ? $"'{t}', " : "")}{f.Detail}");
        if (archive.Chain.Intact) output.WriteLine("chain:         intact");
        foreach (var m in archive.Minutes)
        {
            var number = m.Report.Record?.Sequence is { } n ? $"{n,3}" : "  -";
            output.WriteLine($"minutes {number}:   {(m.Report.Valid ? "valid" : "NOT VALID")}  {m.MinutesId} {m.Language}  '{m.SessionTitle}'{(m.Report.SignatureLevel is { } l ? $" ({l})" : "")}");
            foreach (var p in m.Report.Problems) output.WriteLine("               " + p);
        }
        output.WriteLine(archive.Intact ? "result:        VALID" : "result:        NOT VALID");
        return archive.Intact;
    }

    /// <summary>Where the file stands in its forum's chain; false when the archive holds something else at its number.</summary>
    private static bool Chain(TextWriter output, SignatureRecord? record, ArchiveVerification? archive, bool offline)
    {
        if (record?.Sequence is not { } number) return true;
        var after = record.PreviousMinutesId is { } p ? $"signed after minutes {p}" : "the forum's first";
        if (archive is null)
        {
            output.WriteLine($"chain:         number {number}, {after}{(offline ? " (not checked against the archive: no database)" : "")}");
            return true;
        }
        var ours = archive.Minutes.FirstOrDefault(m => m.Report.Record?.Sequence == number)?.Report.Record;
        var held = ours is not null && ours.RecordSha256() == record.RecordSha256();
        output.WriteLine(held
            ? $"chain:         number {number} of {archive.Chain.Length}, {after}, as the forum's archive holds it"
            : $"chain:         CHANGED: the forum's archive holds {(ours is null ? "nothing" : $"another record (minutes {ours.MinutesId})")} at number {number}");
        foreach (var f in archive.Chain.Findings) output.WriteLine($"chain:         {f.Fault.ToString().ToUpperInvariant()}: {f.Detail}");
        return held && archive.Chain.Intact;
    }

    private static void Part(TextWriter output, string label, string? good, IReadOnlyList<string> problems, string prefix)
    {
        if (good is not null) { output.WriteLine($"{label,-14} {good}"); return; }
        foreach (var p in problems.Where(p => p.StartsWith(prefix)))
            output.WriteLine($"{label,-14} CHANGED: {p[prefix.Length..].Trim()}");
    }

    private static X509Certificate2? Extra(string? folder, string keyId)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder)) return null;
        foreach (var file in Directory.EnumerateFiles(folder, "*.pem"))
        {
            try
            {
                var cert = X509Certificate2.CreateFromPem(File.ReadAllText(file));
                if (SigningKeys.KeyIdOf(cert) == keyId) return cert;
            }
            catch (CryptographicException) { }
        }
        return null;
    }
}
