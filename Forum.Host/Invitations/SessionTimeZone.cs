namespace Forum.Host.Invitations;

/// <summary>
/// The time zone a session's times are shown in. Sessions carry UTC times only, so the zone comes from the forum's
/// country (the Eastern Partnership countries each have one zone), else from configuration.
/// </summary>
public static class SessionTimeZone
{
    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Armenia"] = "Asia/Yerevan", ["AM"] = "Asia/Yerevan", ["Հայաստան"] = "Asia/Yerevan", ["Вірменія"] = "Asia/Yerevan", ["Армения"] = "Asia/Yerevan",
        ["Azerbaijan"] = "Asia/Baku", ["AZ"] = "Asia/Baku", ["Azərbaycan"] = "Asia/Baku", ["Азербайджан"] = "Asia/Baku",
        ["Georgia"] = "Asia/Tbilisi", ["GE"] = "Asia/Tbilisi", ["საქართველო"] = "Asia/Tbilisi", ["Грузія"] = "Asia/Tbilisi", ["Грузия"] = "Asia/Tbilisi",
        ["Moldova"] = "Europe/Chisinau", ["MD"] = "Europe/Chisinau", ["Republic of Moldova"] = "Europe/Chisinau", ["Молдова"] = "Europe/Chisinau",
        ["Ukraine"] = "Europe/Kyiv", ["UA"] = "Europe/Kyiv", ["Україна"] = "Europe/Kyiv", ["Украина"] = "Europe/Kyiv",
    };

    public static string For(string? country, string fallback) =>
        country is not null && ByCountry.TryGetValue(country.Trim(), out var zone) ? zone : fallback;
}
