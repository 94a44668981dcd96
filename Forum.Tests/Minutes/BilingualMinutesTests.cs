using System.Text.Json;
using Forum.Domain.Minutes;
using Forum.Host.Minutes;
using Forum.Host.Minutes.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Minutes;

/// <summary>
/// Minutes in the session's language and in English (docs/adr/0023): drafted together, revised either way under one
/// revision number, approved once for both, published as two signed PDFs that are consecutive links of the forum's chain.
/// </summary>
[Collection(MinutesCollection.Name)]
public class BilingualMinutesTests(MinutesFixture fixture) : MinutesContext(fixture)
{
    private static string[] Languages(JsonElement view) => [.. view.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("language").GetString()!)];

    [Fact]
    public async Task A_Georgian_session_gets_minutes_in_Georgian_and_English_approved_once_and_signed_twice_in_the_chain()
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession("ka");
        await Draft(sessionId);
        var id = MinutesOf(sessionId);

        var draft = await GetJson(Secretariat, $"/api/sessions/{sessionId}/minutes");
        Languages(draft).ShouldBe(["ka", "en"]);
        draft.GetProperty("documents")[1].GetProperty("name").GetString().ShouldBe("English");
        (await GetText(Secretariat, $"/api/minutes/{id}.md")).ShouldContain("# ოქმი: Autumn plenary");
        var english = await GetText(Secretariat, $"/api/minutes/{id}/en.md");
        english.ShouldContain("# Minutes: Autumn plenary");
        (await GetText(Secretariat, $"/api/minutes/{id}/en.html")).ShouldContain("<html lang=\"en\"");

        // An approval, then a revision of the English text: the approval no longer holds, for either text.
        await Send(GovChairToken, s => s.Post.Url($"/api/minutes/{id}/approve"), 204);
        await Send(Secretariat, s => s.Post.Json(new { markdown = english + "\nThe English text was checked by the secretariat.\n", language = "en" })
            .ToUrl($"/api/minutes/{id}/revise"), 204);
        var revised = await GetJson(Secretariat, $"/api/sessions/{sessionId}/minutes");
        revised.GetProperty("revision").GetInt32().ShouldBe(1);
        revised.GetProperty("awaitingApproval").EnumerateArray().Select(g => g.GetString()).ShouldBe(["Government", "CivilSociety"]);
        ShouldBeProblem(await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 409), 409, "both-co-chairs-approve");
        ShouldBeProblem(await PostJson(Secretariat, $"/api/minutes/{id}/revise", new { markdown = "# Procès-verbal", language = "fr" }, 400),
            400, "minutes-language", "language");

        await Approve(id);
        var published = await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 200);
        var documents = published.GetProperty("documents").EnumerateArray().ToList();
        documents.Select(d => (d.GetProperty("language").GetString(), d.GetProperty("sequence").GetInt64())).ShouldBe([("ka", 1L), ("en", 2L)]);
        documents[0].GetProperty("documentSha256").GetString().ShouldNotBe(documents[1].GetProperty("documentSha256").GetString());

        // The public archive offers both, each with its number in the chain and its files.
        var archive = await GetJson(null, $"/api/forums/{ForumId}/minutes");
        var listed = archive.GetProperty("minutes")[0].GetProperty("documents").EnumerateArray().ToList();
        listed.Select(d => (d.GetProperty("language").GetString(), d.GetProperty("name").GetString(), d.GetProperty("sequence").GetInt64()))
            .ShouldBe([("ka", "ქართული", 1L), ("en", "English", 2L)]);
        listed[1].GetProperty("links").GetProperty("pdf").GetString().ShouldBe($"/api/minutes/{id}/en.pdf");
        archive.GetProperty("head").GetProperty("sequence").GetInt64().ShouldBe(2);

        var englishPdf = await GetBytes(null, $"/api/minutes/{id}/en.pdf");
        var georgianPdf = await GetBytes(null, $"/api/minutes/{id}.pdf");
        var folder = Directory.CreateTempSubdirectory("forum-bilingual-").FullName;
        var (englishText, _) = await IndependentChecks.Tool(null, "pdftotext", "-enc", "UTF-8", Save(folder, "en.pdf", englishPdf), "-");
        englishText.ShouldContain("Minutes: Autumn plenary");
        englishText.ShouldContain("The English text was checked by the secretariat.");
        var (georgianText, _) = await IndependentChecks.Tool(null, "pdftotext", "-enc", "UTF-8", Save(folder, "ka.pdf", georgianPdf), "-");
        georgianText.ShouldContain("ოქმი: Autumn plenary");

        // Each document verifies on its own, each is signed as its own link, and the forum's chain holds both.
        var englishRecord = SignatureRecord.Parse(await GetText(null, $"/api/minutes/{id}/en.sig.json"))!;
        (englishRecord.Language, englishRecord.Sequence, englishRecord.PreviousMinutesId).ShouldBe(("en", 2L, (Guid?)id));
        englishRecord.DocumentSha256.ShouldBe(documents[1].GetProperty("documentSha256").GetString());
        foreach (var (url, language) in new[] { ($"/api/minutes/{id}/verify", "ka"), ($"/api/minutes/{id}/en/verify", "en") })
        {
            var report = await GetJson(null, url);
            report.GetProperty("valid").GetBoolean().ShouldBeTrue(report.ToString());
            report.GetProperty("language").GetString().ShouldBe(language);
            report.GetProperty("signatureLevel").GetString().ShouldBe("PAdES-B-T");
        }
        var walk = await GetJson(null, $"/api/forums/{ForumId}/minutes/verify");
        walk.GetProperty("intact").GetBoolean().ShouldBeTrue(walk.ToString());
        walk.GetProperty("chain").GetProperty("length").GetInt64().ShouldBe(2);
        walk.GetProperty("minutes").EnumerateArray().Select(m => m.GetProperty("language").GetString()).ShouldBe(["ka", "en"]);

        var output = new StringWriter();
        (await VerifyMinutesCommand.Run(output, englishPdf, await GetText(null, $"/api/minutes/{id}/en.sig.json"),
            Host.Services.GetRequiredService<SigningKeys>(), null, Store)).ShouldBeTrue(output.ToString());
        output.ToString().ShouldContain($"minutes:       {id} (en)");
        output.ToString().ShouldContain($"chain:         number 2 of 2, signed after minutes {id}");
    }

    [Fact]
    public async Task An_English_document_taken_out_of_the_archive_or_swapped_for_the_other_is_named()
    {
        await ArrangeForum();
        var id = await PublishedIn("hy");
        var englishId = PublishedMinutes.IdFor(id, "en", "hy");

        // The Armenian record in the English document's place: the English document no longer matches its publication.
        (await Sql("update {schema}.mt_doc_publishedminutes set data = jsonb_set(data, '{signatureJson}', (select data->'signatureJson' from {schema}.mt_doc_publishedminutes where id = @first)) where id = @english",
            ("first", id), ("english", englishId))).ShouldBe(1);
        var swapped = await GetJson(null, $"/api/minutes/{id}/en/verify");
        swapped.GetProperty("valid").GetBoolean().ShouldBeFalse();
        swapped.GetProperty("documentIntact").GetBoolean().ShouldBeFalse();
        (await GetJson(null, $"/api/minutes/{id}/verify")).GetProperty("valid").GetBoolean().ShouldBeTrue();

        (await Sql("delete from {schema}.mt_doc_publishedminutes where id = @english", ("english", englishId))).ShouldBe(1);
        var walk = await GetJson(null, $"/api/forums/{ForumId}/minutes/verify");
        walk.GetProperty("intact").GetBoolean().ShouldBeFalse();
        walk.GetProperty("chain").GetProperty("problems").EnumerateArray()
            .ShouldContain(p => p.GetProperty("fault").GetString() == "Removed" && p.GetProperty("minutesId").GetGuid() == id && p.GetProperty("sequence").GetInt64() == 2);
    }

    [Fact]
    public async Task An_English_session_has_one_text_and_asks_for_no_other()
    {
        await ArrangeForum();
        var id = await PublishedIn("en");
        Languages(await GetJson(null, $"/api/sessions/{(await GetJson(null, $"/api/forums/{ForumId}/minutes")).GetProperty("minutes")[0].GetProperty("sessionId").GetGuid()}/minutes"))
            .ShouldBe(["en"]);
        ShouldBeProblem(await GetJson(null, $"/api/minutes/{id}/uk.pdf", 404), 404, "minutes-language-not-found");
        ShouldBeProblem(await GetJson(null, $"/api/minutes/{id}/uk/verify", 404), 404, "minutes-language-not-found");
        (await GetJson(null, $"/api/forums/{ForumId}/minutes")).GetProperty("head").GetProperty("sequence").GetInt64().ShouldBe(1);
    }

    private static string Save(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
