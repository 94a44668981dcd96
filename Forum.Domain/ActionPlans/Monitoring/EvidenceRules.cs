using System.Text;
using Forum.Domain.Common;

namespace Forum.Domain.ActionPlans.Monitoring;

/// <summary>
/// Uploaded evidence is a document or an image, at most 20 MB. The type is told by the file's name and confirmed by its
/// first bytes, never taken from what the client claims, so a file is served back with the type it really has.
/// </summary>
public static class EvidenceRules
{
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray(), Png = [0x89, 0x50, 0x4E, 0x47], Jpeg = [0xFF, 0xD8, 0xFF], Gif = "GIF8"u8.ToArray(),
        Zip = [0x50, 0x4B, 0x03, 0x04], Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], Riff = "RIFF"u8.ToArray();

    private static readonly Dictionary<string, (string Type, byte[] Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
        [".gif"] = ("image/gif", Gif),
        [".webp"] = ("image/webp", Riff),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Zip),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", Zip),
        [".odp"] = ("application/vnd.oasis.opendocument.presentation", Zip),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".ppt"] = ("application/vnd.ms-powerpoint", Ole),
    };

    /// <summary>The content type to store and serve the file with, or why it is refused (413, 415, 400).</summary>
    public static (string? ContentType, Rejection? Refusal) Check(string? fileName, long size, ReadOnlySpan<byte> head)
    {
        if (string.IsNullOrWhiteSpace(fileName) || size == 0)
            return (null, Rejection.Invalid("file", "field-required", "Send one non-empty file as multipart/form-data, in a part named 'file'."));
        if (size > MaxBytes)
            return (null, new Rejection(RejectionKind.TooLarge, "evidence-too-large", $"Evidence files are at most 20 MB; this one is {size / (1024.0 * 1024):F1} MB."));
        if (!Types.TryGetValue(Path.GetExtension(fileName), out var type) || !head.StartsWith(type.Magic) || (type.Magic == Riff && !Webp(head)))
            return (null, new Rejection(RejectionKind.UnsupportedMediaType, "evidence-type-not-allowed",
                $"Evidence is a PDF, an image (PNG, JPEG, GIF, WebP) or an office document ({string.Join(", ", Types.Keys.Where(k => k.Length > 4 || k == ".doc" || k == ".xls" || k == ".ppt"))}), and its content must be of that type."));
        return (type.Type, null);
    }

    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        var clean = new StringBuilder(name.Length);
        foreach (var ch in name) clean.Append(char.IsControl(ch) || ch is '"' or '/' ? '_' : ch);
        return clean.Length > 200 ? clean.ToString()[^200..] : clean.ToString();
    }

    private static bool Webp(ReadOnlySpan<byte> head) => head.Length >= 12 && head[8..12].SequenceEqual("WEBP"u8);
}
