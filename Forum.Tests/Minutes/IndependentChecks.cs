using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace Forum.Tests.Minutes;

/// <summary>
/// A signed PDF checked the way an auditor without Forum would: poppler's pdfsig validates it and dumps the CMS it found;
/// the signed bytes are cut out by /ByteRange; openssl verifies the CMS against the signing certificate, and the
/// signature timestamp against the authority's root. None of Forum's own code takes part.
/// </summary>
public sealed partial class IndependentChecks(string folder)
{
    public sealed record Outcome(string Pdfsig, string CmsVerify, string CmsPrint, string? TsVerify, string? TsText);

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    public async Task<Outcome> Run(byte[] pdf, string signerPem, string? tsaRootPem = null)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "minutes.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var (pdfsig, _) = await Tool(folder, "pdfsig", file);
        await Tool(folder, "pdfsig", "-dump", file);
        var cms = Path.Combine(folder, "minutes.pdf.sig0");
        File.Exists(cms).ShouldBeTrue($"pdfsig -dump wrote no signature into {folder}");

        var m = ByteRange().Matches(Encoding.Latin1.GetString(pdf))[^1];
        long N(int g) => long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        var content = Path.Combine(folder, "signed-bytes.bin");
        await File.WriteAllBytesAsync(content, [.. pdf.AsSpan(0, (int)N(2)), .. pdf.AsSpan((int)N(3), (int)N(4))]);
        var signer = Path.Combine(folder, "signer.pem");
        await File.WriteAllTextAsync(signer, signerPem);
        var (verify, _) = await Tool(folder, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", cms, "-content", content,
            "-CAfile", signer, "-purpose", "any", "-out", Path.Combine(folder, "verified.bin"));
        var (print, _) = await Tool(folder, "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", cms);
        if (tsaRootPem is null) return new Outcome(pdfsig, verify, print, null, null);

        // The token and what it stamps (the signature value) out of the CMS pdfsig dumped: openssl ts takes them as files.
        var signed = new SignedCms();
        signed.Decode(await File.ReadAllBytesAsync(cms));
        var signerInfo = signed.SignerInfos[0];
        var attribute = signerInfo.UnsignedAttributes.Cast<CryptographicAttributeObject>().Single(a => a.Oid.Value == "1.2.840.113549.1.9.16.2.14");
        var token = Path.Combine(folder, "timestamp-token.der");
        await File.WriteAllBytesAsync(token, attribute.Values[0].RawData);
        var stamped = Path.Combine(folder, "signature-value.bin");
        await File.WriteAllBytesAsync(stamped, signerInfo.GetSignature());
        var root = Path.Combine(folder, "tsa-root.pem");
        await File.WriteAllTextAsync(root, tsaRootPem);
        var (ts, _) = await Tool(folder, "openssl", "ts", "-verify", "-token_in", "-in", token, "-data", stamped, "-CAfile", root);
        var (text, _) = await Tool(folder, "openssl", "ts", "-reply", "-token_in", "-in", token, "-token_out", "-text");
        return new Outcome(pdfsig, verify, print, ts, text);
    }

    public static async Task<(string Output, int ExitCode)> Tool(string? workingDirectory, string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (await stdout + await stderr, process.ExitCode);
    }
}
