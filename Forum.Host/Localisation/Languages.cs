using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Forum.Host.Localisation;

/// <summary>A language Forum speaks: its code (ISO 639-1, as in a forum's or session's language), its own name, and the culture whose formats it uses.</summary>
public sealed record Language(string Code, string Name, string Locale)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Locale);
}

/// <summary>
/// The region's languages (ADR 0014). English is formatted the British way (24-hour clock, day before month), as the
/// EU programme's documents are; Romanian as in Moldova.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<Language> All =
    [
        new("en", "English", "en-GB"),
        new("uk", "Українська", "uk-UA"),
        new("ru", "Русский", "ru-RU"),
        new("ka", "ქართული", "ka-GE"),
        new("hy", "Հայերեն", "hy-AM"),
        new("ro", "Română", "ro-MD"),
    ];

    private static readonly Dictionary<string, Language> ByCode = All.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The supported language a code or tag names ("uk", "uk-UA", "UK"), or null.</summary>
    public static string? Supported(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var code = tag.Trim().Split('-', '_')[0];
        return ByCode.TryGetValue(code, out var l) ? l.Code : null;
    }

    public static Language Of(string? code) => ByCode.GetValueOrDefault(Supported(code) ?? Default)!;

    /// <summary>The first supported language of an Accept-Language header, by its quality order.</summary>
    public static string? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var tags)) return null;
        return tags.Where(t => t.Quality is null or > 0).OrderByDescending(t => t.Quality ?? 1)
            .Select(t => Supported(t.Value.Value)).FirstOrDefault(code => code is not null);
    }
}
