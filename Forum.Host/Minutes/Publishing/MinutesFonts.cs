using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Forum.Host.Minutes.Publishing;

/// <summary>
/// DejaVu Sans and Serif cover Latin, Cyrillic, Armenian and Georgian in one face (test.sh and run.sh install
/// fonts-dejavu-core). Every family PDFsharp asks for maps to one of them, including the "Verdana" of its signature box.
/// </summary>
public sealed class MinutesFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans", Serif = "DejaVu Serif", Mono = "DejaVu Sans Mono";
    private static readonly object Gate = new();
    private readonly string _directory;
    private readonly Dictionary<string, byte[]> _faces = [];

    private MinutesFonts(string directory) => _directory = directory;

    /// <summary>PDFsharp takes one resolver per process, set before the first font is used.</summary>
    public static void EnsureInstalled()
    {
        if (GlobalFontSettings.FontResolver is MinutesFonts) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is MinutesFonts) return;
            var directory = Environment.GetEnvironmentVariable("FORUM_FONT_DIR") ?? "/usr/share/fonts/truetype/dejavu";
            if (!File.Exists(Path.Combine(directory, "DejaVuSans.ttf")))
                throw new InvalidOperationException($"The DejaVu fonts are missing from {directory}: install fonts-dejavu-core (./run.sh does).");
            GlobalFontSettings.FontResolver = new MinutesFonts(directory);
        }
    }

    // The whole font file, not a subset: PDFsharp 6.2.4's subsetting drops parts of composite glyphs (Ukrainian ї, й ...).
    private static readonly XPdfFontOptions Embedding = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    public static XFont Font(string family, double size, bool bold = false, bool italic = false) =>
        new(family, size, (bold ? XFontStyleEx.Bold : 0) | (italic ? XFontStyleEx.Italic : 0), Embedding);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var family = familyName.ToLowerInvariant();
        string face;
        if (family.Contains("mono") || family.Contains("courier"))
            face = bold ? "DejaVuSansMono-Bold" : "DejaVuSansMono";
        else if (family.Contains("serif") && !family.Contains("sans") || family.Contains("times") || family.Contains("georgia"))
            face = (bold, italic) switch { (true, true) => "DejaVuSerif-BoldItalic", (true, _) => "DejaVuSerif-Bold", (_, true) => "DejaVuSerif-Italic", _ => "DejaVuSerif" };
        else
            face = (bold, italic) switch { (true, true) => "DejaVuSans-BoldOblique", (true, _) => "DejaVuSans-Bold", (_, true) => "DejaVuSans-Oblique", _ => "DejaVuSans" };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName)
    {
        lock (_faces)
        {
            if (!_faces.TryGetValue(faceName, out var bytes))
                _faces[faceName] = bytes = File.ReadAllBytes(Path.Combine(_directory, faceName + ".ttf"));
            return bytes;
        }
    }
}
