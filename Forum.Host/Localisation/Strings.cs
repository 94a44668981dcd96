using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ICU4N.Text;

namespace Forum.Host.Localisation;

/// <summary>
/// Every text a person reads, one JSON file per language (<c>Localisation/Strings/{code}.json</c>, ADR 0014): flat keys
/// namespaced by area and sorted, the same files the pages fetch. A value may name arguments as <c>{name}</c>; a key with
/// plural forms has one entry per CLDR category of its language (<c>key_one</c>, <c>key_few</c>, <c>key_many</c>,
/// <c>key_other</c>), chosen for the argument <c>count</c> by ICU's plural rules.
/// </summary>
public static class Strings
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Files = Load();

    private static readonly ConcurrentDictionary<string, byte> Missing = new();

    /// <summary>Keys asked for that no file has (a page or template naming a key that does not exist); tests read it.</summary>
    public static IReadOnlyCollection<string> MissingKeys => (IReadOnlyCollection<string>)Missing.Keys;

    public static Wording For(string? language) => new(Languages.Of(language));

    public static byte[] Json(string language)
    {
        using var stream = Resource(Languages.Of(language).Code)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Load() =>
        Languages.All.ToDictionary(l => l.Code, l =>
        {
            using var stream = Resource(l.Code) ?? throw new InvalidOperationException($"No strings for {l.Code}");
            return (IReadOnlyDictionary<string, string>)JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
        });

    private static Stream? Resource(string code) =>
        typeof(Strings).Assembly.GetManifestResourceStream($"Forum.Host.Localisation.Strings.{code}.json");

    internal static void NoteMissing(string key) => Missing.TryAdd(key, 0);
}

/// <summary>The strings of one language, with its plural rules and formats.</summary>
public sealed class Wording(Language language)
{
    private static readonly ConcurrentDictionary<string, PluralRules> Plurals = new();

    public Language Language { get; } = language;
    public string Code => Language.Code;
    public CultureInfo Culture => Language.Culture;

    public bool Has(string key) => Strings.Files[Code] is var own && (own.ContainsKey(key) || own.ContainsKey(key + "_other"));

    /// <summary>The text of a key with its arguments filled in; a missing key shows as itself (and is noted), never as nothing.</summary>
    public string T(string key, IReadOnlyDictionary<string, object?>? args = null) => Fill(Pattern(key, args), args);

    /// <summary>The same, for HTML: the wording is escaped, the arguments go in as given (escaped already by the caller).</summary>
    public string Html(string key, IReadOnlyDictionary<string, object?>? args = null) =>
        Fill(System.Net.WebUtility.HtmlEncode(Pattern(key, args)), args);

    public string T(string key, object args) => T(key, Args(args));

    public string Number(double n) => n == Math.Floor(n) ? n.ToString("N0", Culture) : n.ToString("N1", Culture);

    /// <summary>A date as the language writes it in full ("четвер, 14 травня 2026 р.").</summary>
    public string Date(DateTime at) => at.ToString("D", Culture);

    public string Time(DateTime at) => at.ToString("t", Culture);

    public string Plural(double n) =>
        Plurals.GetOrAdd(Language.Code, _ => PluralRules.GetInstance(Culture)).Select(n);

    private string Pattern(string key, IReadOnlyDictionary<string, object?>? args)
    {
        double? count = args is not null && args.TryGetValue("count", out var c) && c is IConvertible n ? n.ToDouble(CultureInfo.InvariantCulture) : null;
        foreach (var wording in new[] { this, Strings.For(Languages.Default) })
        {
            var file = Strings.Files[wording.Code];
            if (file.TryGetValue(key, out var text)) return text;
            if (count is { } x && (file.TryGetValue($"{key}_{wording.Plural(x)}", out text) || file.TryGetValue(key + "_other", out text))) return text;
        }
        Strings.NoteMissing(key);
        return key;
    }

    private string Fill(string pattern, IReadOnlyDictionary<string, object?>? args)
    {
        if (args is null || args.Count == 0 || !pattern.Contains('{')) return pattern;
        var sb = new StringBuilder(pattern.Length + 32);
        for (var i = 0; i < pattern.Length; i++)
        {
            var close = pattern[i] == '{' ? pattern.IndexOf('}', i + 1) : -1;
            if (close > i && args.TryGetValue(pattern[(i + 1)..close], out var value))
            {
                sb.Append(value switch
                {
                    null => "",
                    int or long or double or decimal => Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                    _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
                });
                i = close;
            }
            else sb.Append(pattern[i]);
        }
        return sb.ToString();
    }

    private static Dictionary<string, object?> Args(object args) =>
        args.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(args));
}
