using System.Diagnostics;
using System.Text.Json;
using Forum.Tests.Minutes;
using Forum.Tests.Support;

namespace Forum.Tests.Localisation;

/// <summary>The reader's language through the API: problem details by rule, the account's preference, mail, and minutes in every script.</summary>
[Collection(ApiCollection.Name)]
public class LanguageApiTests(ApiFixture fixture) : MinutesContext(fixture)
{
    private async Task<JsonElement> Problem(string? token, Action<Alba.Scenario> request, int status, string? acceptLanguage = null) =>
        await ReadJson(await Send(token, s =>
        {
            if (acceptLanguage is not null) s.WithRequestHeader("Accept-Language", acceptLanguage);
            request(s);
        }, status));

    [Fact]
    public async Task Problem_details_are_in_the_browsers_language_by_their_rule_which_stays_as_it_is()
    {
        var georgian = await Problem(null, s => s.Get.Url("/api/me"), 401, "ka-GE,ka;q=0.9,en;q=0.5");
        ShouldBeProblem(georgian, 401, "sign-in-required");
        georgian.GetProperty("title").GetString().ShouldBe("საჭიროა შესვლა");
        georgian.GetProperty("detail").GetString().ShouldBe("შედით სისტემაში ან გამოგზავნეთ პირადი API ტოკენი bearer ტოკენის სახით.");

        var armenian = await Problem(null, s => s.Post.Json(new { email = "not an address" }).ToUrl("/api/auth/magic-link"), 400, "hy");
        ShouldBeProblem(armenian, 400, "email-invalid", "email");
        armenian.GetProperty("detail").GetString().ShouldBe("«email»-ը պետք է լինի էլ. փոստի հասցե, օրինակ՝ name@example.org։");
        armenian.GetProperty("errors").GetProperty("email")[0].GetString().ShouldBe(armenian.GetProperty("detail").GetString());

        // English keeps the rule's own detail, with the figures it carries.
        var english = await Problem(null, s => s.Post.Json(new { email = new string('a', 300) + "@x.org" }).ToUrl("/api/auth/magic-link"), 400, "en-GB");
        ShouldBeProblem(english, 400, "field-too-long", "email");
        english.GetProperty("detail").GetString()!.ShouldContain("at most 254 characters");
        english.GetProperty("title").GetString().ShouldBe("The request is not valid");
    }

    [Fact]
    public async Task The_accounts_language_comes_before_the_browsers_and_only_a_language_forum_speaks_is_taken()
    {
        var token = await TokenFor("nino@cso.test");
        var set = await Send(token, s => s.Put.Json(new { language = "ro" }).ToUrl("/api/me/preferences"), 200);
        (await ReadJson(set)).GetProperty("language").GetString().ShouldBe("ro");
        (await GetJson(token, "/api/me")).GetProperty("language").GetString().ShouldBe("ro");

        var refused = await Problem(token, s => s.Post.Json(new { name = "F", country = "Moldova", language = "ro" }).ToUrl("/api/forums"), 403, "en");
        ShouldBeProblem(refused, 403, "administrator-only");
        refused.GetProperty("detail").GetString().ShouldBe("Doar administratorul platformei poate face acest lucru.");

        ShouldBeProblem(await Problem(token, s => s.Put.Json(new { language = "de" }).ToUrl("/api/me/preferences"), 400), 400, "language-unsupported", "language");
        // Left out: unchanged; empty: back to the browser's.
        await Send(token, s => s.Put.Json(new { }).ToUrl("/api/me/preferences"), 200);
        (await GetJson(token, "/api/me")).GetProperty("language").GetString().ShouldBe("ro");
        await Send(token, s => s.Put.Json(new { language = "" }).ToUrl("/api/me/preferences"), 200);
        (await GetJson(token, "/api/me")).GetProperty("language").ValueKind.ShouldBe(JsonValueKind.Null);
        var back = await Problem(token, s => s.Post.Json(new { name = "F", country = "Moldova", language = "ro" }).ToUrl("/api/forums"), 403, "uk");
        back.GetProperty("detail").GetString().ShouldBe("Це може зробити лише адміністратор платформи.");
    }

    [Fact]
    public async Task The_sign_in_mail_speaks_the_language_of_the_page_it_was_asked_from()
    {
        await TokenFor("ani@gov.test");
        await Tracked(() => Send(null, s =>
        {
            s.WithRequestHeader("Accept-Language", "ka");
            s.Post.Json(new { email = "ani@gov.test" }).ToUrl("/api/auth/magic-link");
        }, 202));
        var mail = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Fixture.Smtp.ReceivedEmail.Single().Data)));
        mail.Subject.ShouldBe("Forum-ში შესვლის თქვენი ბმული");
        (mail.TextBody ?? "").ShouldContain("Forum-ში შესასვლელად გახსენით ეს ბმული. ის ერთჯერადია და მოქმედებს 15 წუთის განმავლობაში:");
    }

    [Theory]
    [InlineData("ka", "ოქმი: Autumn plenary", "თანათავმჯდომარეები", "კონსენსუსი დათქმებით", "სამოქალაქო საზოგადოება")]
    [InlineData("hy", "Արձանագրություն՝ Autumn plenary", "Համանախագահներ", "Կոնսենսուս՝ վերապահումներով", "Քաղաքացիական հասարակություն")]
    [InlineData("ro", "Proces-verbal: Autumn plenary", "Copreședinți", "Consens cu rezerve", "Societatea civilă")]
    public async Task Signed_minutes_in_Georgian_Armenian_and_Romanian_carry_their_text_in_the_pdf(string language, params string[] expected)
    {
        var id = await Published(language);
        var path = Path.Combine(Fixture.DataDirectory, $"{id}.pdf");
        await File.WriteAllBytesAsync(path, await GetBytes(null, $"/api/minutes/{id}.pdf"));

        var text = await PdfText(path);
        foreach (var words in expected) text.ShouldContain(words);
        text.ShouldContain("Олена Коваль");
    }

    private static async Task<string> PdfText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-enc", "UTF-8", path, "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
        // A line may break inside a phrase: compare the words, not the lines.
        return string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }
}
