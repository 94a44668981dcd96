using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Forum.Host.Minutes.Publishing;

/// <summary>One font file the minutes may embed, and the Debian package it comes in.</summary>
public sealed record FontFace(string Name, string File, string Package);

/// <summary>
/// DejaVu Sans and Serif cover Latin, Cyrillic, Armenian and Georgian in one face. Every family PDFsharp asks for maps to
/// one of <see cref="Faces"/>, including the "Verdana" of its signature box. The upright faces come in fonts-dejavu-core,
/// the italic and oblique ones in fonts-dejavu-extra: scripts/lib.sh installs both (<c>FONT_PACKAGES</c>), and so does
/// docker/Dockerfile.
/// </summary>
public sealed class MinutesFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans", Serif = "DejaVu Serif", Mono = "DejaVu Sans Mono";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private const string Core = "fonts-dejavu-core", Extra = "fonts-dejavu-extra";

    /// <summary>Every face <see cref="ResolveTypeface"/> can answer with.</summary>
    public static readonly IReadOnlyList<FontFace> Faces =
    [
        new("DejaVu Sans", "DejaVuSans", Core),
        new("DejaVu Sans Bold", "DejaVuSans-Bold", Core),
        new("DejaVu Sans Oblique", "DejaVuSans-Oblique", Extra),
        new("DejaVu Sans Bold Oblique", "DejaVuSans-BoldOblique", Extra),
        new("DejaVu Serif", "DejaVuSerif", Core),
        new("DejaVu Serif Bold", "DejaVuSerif-Bold", Core),
        new("DejaVu Serif Italic", "DejaVuSerif-Italic", Extra),
        new("DejaVu Serif Bold Italic", "DejaVuSerif-BoldItalic", Extra),
        new("DejaVu Sans Mono", "DejaVuSansMono", Core),
        new("DejaVu Sans Mono Bold", "DejaVuSansMono-Bold", Core),
    ];

    private static readonly object Gate = new();
    private readonly string _directory;
    private readonly Dictionary<string, byte[]> _faces = [];

    private MinutesFonts(string directory) => _directory = directory;

    public static string Directory => Environment.GetEnvironmentVariable("FORUM_FONT_DIR") ?? DefaultDirectory;

    /// <summary>The faces whose file is not in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<FontFace> Missing(string directory) =>
        Faces.Where(f => !File.Exists(Path.Combine(directory, f.File + ".ttf"))).ToList();

    public static string Explain(IReadOnlyList<FontFace> missing, string directory) =>
        $"The minutes' fonts are missing from {directory}: {string.Join(", ", missing.Select(f => $"{f.Name} ({f.File}.ttf)"))}. " +
        $"Install {string.Join(" and ", missing.Select(f => f.Package).Distinct())} (./run.sh and ./test.sh do).";

    /// <summary>PDFsharp takes one resolver per process, set before the first font is used.</summary>
    public static void EnsureInstalled()
    {
        if (GlobalFontSettings.FontResolver is MinutesFonts) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is MinutesFonts) return;
            var directory = Directory;
            // All of them now, not a NullReferenceException deep in PDFsharp when an italic word first appears.
            if (Missing(directory) is { Count: > 0 } missing) throw new InvalidOperationException(Explain(missing, directory));
            GlobalFontSettings.FontResolver = new MinutesFonts(directory);
        }
    }

    // The whole font file, not a subset: PDFsharp 6.2.4's subsetting drops parts of composite glyphs (Ukrainian ї, й ...).
    private static readonly XPdfFontOptions Embedding = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    public static XFont Font(string family, double size, bool bold = false, bool italic = false) =>
        new(family, size, (bold ? XFontStyleEx.Bold : 0) | (italic ? XFontStyleEx.Italic : 0), Embedding);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceFor(familyName, bold, italic));

    public static string FaceFor(string familyName, bool bold, bool italic)
    {
        var family = familyName.ToLowerInvariant();
        if (family.Contains("mono") || family.Contains("courier"))
            return bold ? "DejaVuSansMono-Bold" : "DejaVuSansMono";
        if (family.Contains("serif") && !family.Contains("sans") || family.Contains("times") || family.Contains("georgia"))
            return (bold, italic) switch { (true, true) => "DejaVuSerif-BoldItalic", (true, _) => "DejaVuSerif-Bold", (_, true) => "DejaVuSerif-Italic", _ => "DejaVuSerif" };
        return (bold, italic) switch { (true, true) => "DejaVuSans-BoldOblique", (true, _) => "DejaVuSans-Bold", (_, true) => "DejaVuSans-Oblique", _ => "DejaVuSans" };
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
