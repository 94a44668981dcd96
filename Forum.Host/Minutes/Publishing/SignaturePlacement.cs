using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;

namespace Forum.Host.Minutes.Publishing;

/// <summary>What signs a PDF and what its visible box says.</summary>
public sealed record PdfSigning(PadesSigner Signer, DateTimeOffset At, string KeyId, string Caption, string Reason, string Location);

/// <summary>
/// Puts the signature into a laid-out document. PDFsharp 6.2.4 places the signature field, its box and the room for the
/// CMS, but writes the sub-filter <c>adbe.pkcs7.detached</c> and a signing time (/M) in local time, and signs inside its
/// synchronous save. So PDFsharp saves with an empty reservation; then, before anything is signed, the sub-filter becomes
/// <c>ETSI.CAdES.detached</c> (the same length) and /M the signing time in UTC (the same length); then the CMS (B-B, or B-T
/// with a time-stamping authority's token, which needs the network) is computed over /ByteRange and written into /Contents.
/// </summary>
public static partial class SignaturePlacement
{
    public static async Task<byte[]> SignAsync(PdfDocument doc, int pageIndex, XRect rect, PdfSigning signing, CancellationToken ct)
    {
        DigitalSignatureHandler.ForDocument(doc, new Reservation(signing.Signer.MaxSignatureSize, signing.Signer.SignerName), new DigitalSignatureOptions
        {
            AppName = "Forum",
            Reason = signing.Reason,
            Location = signing.Location,
            PageIndex = pageIndex,
            Rectangle = rect,
            AppearanceHandler = new SignatureBox(signing.Signer.SignerName, signing.At, signing.KeyId, signing.Caption),
        });
        byte[] pdf;
        using (var output = new MemoryStream())
        {
            doc.Save(output);
            pdf = output.ToArray();
        }
        var space = PdfSignatureSpace.Find(pdf) ?? throw new InvalidOperationException("PDFsharp wrote no signature field.");
        MakePades(pdf, space, signing.At);
        space.Write(pdf, await signing.Signer.SignAsync(space.SignedBytes(pdf), ct));
        return pdf;
    }

    [GeneratedRegex(@"/SubFilter\s*/adbe\.pkcs7\.detached")]
    private static partial Regex LegacySubFilter();

    [GeneratedRegex(@"/M\s*\((D:[^)]*)\)")]
    private static partial Regex SigningTime();

    /// <summary>Rewrites the signature dictionary (the object that holds /Contents) in place, keeping every offset.</summary>
    private static void MakePades(byte[] pdf, PdfSignatureSpace space, DateTimeOffset at)
    {
        // Latin-1 keeps one char per byte, so positions are byte offsets.
        var text = Encoding.Latin1.GetString(pdf, 0, (int)space.ContentsStart);
        var start = text.LastIndexOf(" obj", StringComparison.Ordinal);
        var dictionary = text[start..];
        var subFilter = LegacySubFilter().Match(dictionary);
        var time = SigningTime().Match(dictionary);
        if (!subFilter.Success || !time.Success) throw new InvalidOperationException("The signature dictionary PDFsharp wrote is not the one expected (6.2.4).");
        var pades = subFilter.Value.Replace("/adbe.pkcs7.detached", "/ETSI.CAdES.detached", StringComparison.Ordinal);
        var utc = "D:" + at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'";
        if (utc.Length != time.Groups[1].Length) throw new InvalidOperationException($"PDFsharp wrote the signing time as {time.Groups[1].Value}, not in the expected form.");
        Encoding.Latin1.GetBytes(pades, 0, pades.Length, pdf, start + subFilter.Index);
        Encoding.Latin1.GetBytes(utc, 0, utc.Length, pdf, start + time.Groups[1].Index);
    }

    /// <summary>PDFsharp's side of the signature: the room to leave; the bytes come later (<see cref="SignAsync"/>).</summary>
    private sealed class Reservation(int size, string name) : IDigitalSigner
    {
        public string CertificateName => name;
        public Task<int> GetSignatureSizeAsync() => Task.FromResult(size);
        public Task<byte[]> GetSignatureAsync(Stream stream) => Task.FromResult(Array.Empty<byte>());
    }
}

/// <summary>
/// Where a PDF's signature lives: /ByteRange [a b c d] names the signed bytes, the rest (b..c) is the hex string of
/// /Contents. Read the way a PDF reader does, from the last signature in the file.
/// </summary>
public sealed partial record PdfSignatureSpace(long A, long B, long C, long D)
{
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    public long ContentsStart => B;

    public static PdfSignatureSpace? Find(byte[] pdf)
    {
        var matches = ByteRange().Matches(Encoding.Latin1.GetString(pdf));
        if (matches.Count == 0) return null;
        var m = matches[^1];
        long N(int g) => long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new PdfSignatureSpace(N(1), N(2), N(3), N(4));
    }

    /// <summary>Whether the signed ranges are the whole file but the signature (nothing added before or after).</summary>
    public bool CoversWholeFile(long length) => A == 0 && A + B <= C && C + D == length && C <= length;

    public byte[] SignedBytes(byte[] pdf)
    {
        var signed = new byte[B + D];
        Array.Copy(pdf, 0, signed, 0, B);
        Array.Copy(pdf, C, signed, B, D);
        return signed;
    }

    /// <summary>The hex between the angle brackets, padding included.</summary>
    public string ContentsHex(byte[] pdf) => Encoding.Latin1.GetString(pdf, (int)B, (int)(C - B)).Trim().TrimStart('<').TrimEnd('>');

    public void Write(byte[] pdf, byte[] cms)
    {
        var hex = Convert.ToHexString(cms);
        var room = (int)(C - B) - 2;
        if (hex.Length > room) throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {room / 2} bytes reserved for it.");
        if (pdf[B] != '<') throw new InvalidOperationException("/Contents does not start where /ByteRange says.");
        Encoding.Latin1.GetBytes(hex, 0, hex.Length, pdf, (int)B + 1);
    }
}

/// <summary>The visible signature box: who signed, when (UTC) and the key id, in DejaVu Sans.</summary>
public sealed class SignatureBox(string signer, DateTimeOffset at, string keyId, string caption) : IAnnotationAppearanceHandler
{
    public const double Width = 250, Height = 46;

    public void DrawAppearance(XGraphics gfx, XRect field)
    {
        // The appearance is a form of the field's size: draw from its own origin, not the field's place on the page.
        var rect = new XRect(0, 0, field.Width, field.Height);
        var pen = new XPen(XColor.FromArgb(90, 90, 90), 0.6);
        gfx.DrawRectangle(pen, XBrushes.White, rect);
        var bold = MinutesFonts.Font(MinutesFonts.Sans, 7.5, bold: true);
        var font = MinutesFonts.Font(MinutesFonts.Sans, 6.5);
        var x = rect.X + 5;
        var y = rect.Y + 4;
        gfx.DrawString(caption, bold, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);
        gfx.DrawString(signer, font, XBrushes.Black, new XPoint(x, y + 11), XStringFormats.TopLeft);
        gfx.DrawString(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), font, XBrushes.Black, new XPoint(x, y + 20), XStringFormats.TopLeft);
        gfx.DrawString("Key " + keyId[..Math.Min(32, keyId.Length)], font, XBrushes.DimGray, new XPoint(x, y + 29), XStringFormats.TopLeft);
    }
}
