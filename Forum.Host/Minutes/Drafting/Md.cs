using System.Text;

namespace Forum.Host.Minutes.Drafting;

/// <summary>
/// Escaping of anything a person typed (names, proposals, statements, responses) before it enters the Markdown, so that
/// markup shows as text: in the Markdown, in the HTML made from it (raw HTML is disabled there as well) and in the PDF.
/// </summary>
public static class Md
{
    // ASCII punctuation that CommonMark may read as syntax inside a line; '-', '.', digits only matter at a line's start.
    private const string Special = "\\`*_[]<>|~&";

    /// <summary>One line of text (line breaks become spaces).</summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '\r' or '\n' or '\t') { sb.Append(' '); continue; }
            if (Special.Contains(ch)) sb.Append('\\');
            sb.Append(ch);
        }
        return EscapeLineStart(sb.ToString());
    }

    /// <summary>Text that may span lines, kept inside one paragraph or list item: lines joined by hard breaks.</summary>
    public static string Lines(string? text, string indent = "")
    {
        var lines = Split(text);
        return string.Join("\\\n" + indent, lines.Select(Inline));
    }

    /// <summary>Text as a block quote, each line prefixed (after <paramref name="indent"/>).</summary>
    public static string Quote(string? text, string indent = "")
    {
        var lines = Split(text);
        if (lines.Count == 0) return indent + ">";
        return string.Join("\\\n", lines.Select((l, i) => indent + "> " + Inline(l)));
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string EscapeLineStart(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0) return line;
        var lead = line[..(line.Length - trimmed.Length)];
        if (trimmed[0] is '-' or '+' or '*' or '>' or '=' or '#') return lead + "\\" + trimmed;
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits])) digits++;
        if (digits > 0 && digits < trimmed.Length && trimmed[digits] is '.' or ')')
            return lead + trimmed[..digits] + "\\" + trimmed[digits..];
        return line;
    }
}
