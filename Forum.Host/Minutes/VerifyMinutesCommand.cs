using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Forum.Host.Minutes.Publishing;
using JasperFx.CommandLine;

namespace Forum.Host.Minutes;

public sealed class VerifyMinutesInput : NetCoreInput
{
    [Description("The downloaded minutes PDF")]
    public string Pdf { get; set; } = "";

    [Description("The downloaded signature file (.sig.json)")]
    public string Signature { get; set; } = "";

    [Description("A folder of PEM certificates to trust besides the forum's keys folder (e.g. saved from /.well-known/forum-keys)")]
    [FlagAlias("keys", 'k')]
    public string? KeysFlag { get; set; }

    [Description("Do not recompute the session's events hash from the database")]
    [FlagAlias("offline", 'o')]
    public bool OfflineFlag { get; set; }
}

[Description("Verifies downloaded minutes (PDF and .sig.json): document hash, PDF signature, signature file, and the session's events in the database", Name = "verify-minutes")]
public sealed class VerifyMinutesCommand : JasperFxAsyncCommand<VerifyMinutesInput>
{
    public override async Task<bool> Execute(VerifyMinutesInput input)
    {
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
        string? eventsNow = null;
        string? eventsError = null;
        if (store is not null && record is not null)
        {
            try { eventsNow = await SessionHistory.Hash(store, record.SessionId, record.SessionVersion); }
            catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                eventsError = e.Message;
            }
        }
        var report = MinutesVerification.Verify(pdf, signatureJson, id => keys.Find(id) ?? Extra(extraKeys, id), eventsNow);

        output.WriteLine($"minutes:       {report.MinutesId}  (session version {report.Version}, key {report.KeyId})");
        Part(output, "document:", report.DocumentIntact ? "intact" : null, report.Problems, "document:");
        output.WriteLine($"pdf signature: {(report.PdfSignatureValid ? "valid" : "INVALID")}");
        Part(output, "signature:", report.SignatureValid ? "valid" : null, report.Problems, "signature:");
        if (eventsError is not null) output.WriteLine($"events:        NOT CHECKED: the database could not be reached ({eventsError})");
        else if (report.EventsIntact is null) output.WriteLine("events:        not checked (--offline)");
        else Part(output, "events:", report.EventsIntact == true ? "intact" : null, report.Problems, "events:");
        foreach (var note in report.Notes.Where(n => !n.StartsWith("events:"))) output.WriteLine("note:          " + note);
        var ok = report.Valid && eventsError is null;
        output.WriteLine(ok ? "result:        VALID" : "result:        NOT VALID");
        return ok;
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
