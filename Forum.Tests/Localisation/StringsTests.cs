using System.Text.Json;
using System.Text.RegularExpressions;
using Forum.Host.Localisation;
using Forum.Host.Pages;
using ICU4N.Text;

namespace Forum.Tests.Localisation;

/// <summary>
/// Nothing is missing (ADR 0014): every language has every key, each plural has exactly its language's CLDR forms, the
/// files stay sorted (so two people adding keys merge without a conflict), and every key a template or page script names
/// exists.
/// </summary>
public partial class StringsTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Forum.Host"));

    [GeneratedRegex(@"^(?<key>.+)_(?<form>zero|one|two|few|many|other)$")]
    private static partial Regex PluralForm();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Key (without a plural form) to the forms a language gives it; "" for a key without plural forms.</summary>
    private static Dictionary<string, SortedSet<string>> Keys(string language)
    {
        var keys = new Dictionary<string, SortedSet<string>>();
        foreach (var key in Strings.Files[language].Keys)
        {
            var m = PluralForm().Match(key);
            var (name, form) = m.Success ? (m.Groups["key"].Value, m.Groups["form"].Value) : (key, "");
            if (!keys.TryGetValue(name, out var forms)) keys[name] = forms = [];
            forms.Add(form);
        }
        return keys;
    }

    public static TheoryData<string> Translations() => [.. Languages.All.Select(l => l.Code).Where(c => c != Languages.Default)];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_key_of_English_is_in_the_translation_and_no_other(string language)
    {
        var english = Keys(Languages.Default).Keys.ToHashSet();
        var translated = Keys(language).Keys.ToHashSet();
        english.Except(translated).Order().ShouldBeEmpty($"keys missing in {language}.json");
        translated.Except(english).Order().ShouldBeEmpty($"keys in {language}.json that English does not have");
    }

    public static TheoryData<string> All() => [.. Languages.All.Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(All))]
    public void A_plural_has_exactly_the_CLDR_forms_of_its_language(string language)
    {
        var cldr = new SortedSet<string>(PluralRules.GetInstance(Languages.Of(language).Culture).Keywords);
        foreach (var (key, forms) in Keys(language).Where(k => !k.Value.SetEquals([""])))
            forms.ShouldBe(cldr, $"{language}: {key} has the forms {string.Join(", ", forms)}");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void The_file_is_sorted_and_every_key_is_namespaced(string language)
    {
        var path = Path.Combine(Root, "Localisation", "Strings", $"{language}.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        keys.ShouldBe(keys.Order(StringComparer.Ordinal).ToList(), $"{language}.json is not sorted: scripts/strings.py sort");
        keys.Where(k => !k.Contains('.')).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_names_only_the_arguments_English_gives_it(string language)
    {
        var english = Strings.Files[Languages.Default];
        string Base(string key) => PluralForm().Match(key) is { Success: true } m ? m.Groups["key"].Value : key;
        var given = english.GroupBy(kv => Base(kv.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(kv => Placeholder().Matches(kv.Value).Select(m => m.Groups[1].Value)).ToHashSet());
        foreach (var (key, text) in Strings.Files[language])
        {
            var named = Placeholder().Matches(text).Select(m => m.Groups[1].Value);
            named.Except(given[Base(key)]).ShouldBeEmpty($"{language}: {key}");
        }
    }

    [GeneratedRegex("""\bt\s*\(?\s*"([a-zA-Z][\w.-]*)"|\bt\(\s*'([a-zA-Z][\w.-]*)'""")]
    private static partial Regex NamedKey();

    [Fact]
    public void Every_key_a_template_or_a_page_script_names_exists()
    {
        var files = new[] { "Pages/Templates", "Mail/Templates", "Minutes/Templates" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(Root, d), "*.sbn"))
            .Concat(Directory.GetFiles(Path.Combine(Root, "wwwroot", "js"), "*.js", SearchOption.AllDirectories));
        var english = Strings.For(Languages.Default);
        var missing = (from file in files
                       from Match m in NamedKey().Matches(File.ReadAllText(file))
                       let key = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value
                       // A prefix ("group." + g.group) is completed at run time: some key must start with it.
                       where key.EndsWith('.') ? !Strings.Files[Languages.Default].Keys.Any(k => k.StartsWith(key)) : !english.Has(key)
                       select $"{Path.GetFileName(file)}: {key}").Distinct().ToList();
        missing.ShouldBeEmpty();
    }

    // A rule named where a refusal is made: Rejection.X("rule", ...) or Rejection.X(field, "rule", ...), or rule = "...".
    [GeneratedRegex(@"Rejection\.\w+\(\s*(?:(?:""[^""]*""|[\w.$]+)\s*,\s*)?""(?<rule>[a-z][a-z0-9]*(?:-[a-z0-9]+)+)""|\b[Rr]ule\s*[:=]\s*""(?<rule>[a-z][a-z0-9]*(?:-[a-z0-9]+)+)""")]
    private static partial Regex RuleNamed();

    [Fact]
    public void Every_rule_a_refusal_names_has_its_detail_in_every_language()
    {
        var sources = new[] { Root, Path.Combine(Root, "..", "Forum.Domain") }
            .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        var rules = sources.SelectMany(f => RuleNamed().Matches(File.ReadAllText(f)).Select(m => m.Groups["rule"].Value)).ToHashSet();
        rules.Count.ShouldBeGreaterThan(100, "the refusals were found");
        var missing = (from language in Languages.All.Select(l => l.Code)
                       from rule in rules
                       where !Strings.Files[language].ContainsKey($"problems.{rule}.detail")
                       select $"{language}: problems.{rule}.detail").Order().ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_page_renders_in_every_language_without_showing_a_key()
    {
        foreach (var page in PagesConfiguration.All)
        foreach (var language in Languages.All)
        {
            var html = PagesConfiguration.Render(page, language.Code, "someone@forum.test");
            html.ShouldContain($"<html lang=\"{language.Code}\"");
        }
        Strings.MissingKeys.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("uk", 1, "(1 спроба)")]
    [InlineData("uk", 3, "(3 спроби)")]
    [InlineData("uk", 5, "(5 спроб)")]
    [InlineData("uk", 21, "(21 спроба)")]
    [InlineData("ru", 22, "(22 попытки)")]
    [InlineData("en", 1, "(1 attempt)")]
    [InlineData("en", 1000, "(1,000 attempts)")]
    [InlineData("ro", 20, "(încercări: 20)")]
    public void Plurals_follow_the_language_and_numbers_its_format(string language, int n, string text) =>
        Strings.For(language).T("invite.attempts", new Dictionary<string, object?> { ["count"] = n }).ShouldBe(text);

    [Theory]
    [InlineData("ro", 1, "timp de 1 minut:")]
    [InlineData("ro", 15, "timp de 15 minute:")]
    [InlineData("ro", 20, "timp de 20 de minute:")]
    [InlineData("ru", 15, "в течение 15 минут:")]
    [InlineData("ru", 21, "в течение 21 минуты:")]
    public void The_server_picks_plural_forms_by_ICU(string language, int n, string ending) =>
        Strings.For(language).T("mail.signIn.body", new Dictionary<string, object?> { ["count"] = n }).ShouldEndWith(ending);

    [Fact]
    public void Languages_come_from_Accept_Language_by_quality()
    {
        Languages.FromAcceptLanguage("de-DE,ka;q=0.8,en;q=0.5").ShouldBe("ka");
        Languages.FromAcceptLanguage("en-US;q=0.4, hy-AM").ShouldBe("hy");
        Languages.FromAcceptLanguage("de, fr").ShouldBeNull();
        Languages.Supported("ro-MD").ShouldBe("ro");
        Languages.Supported("az").ShouldBeNull();
    }
}
