using System.Diagnostics;
using Forum.Host.Minutes;
using Forum.Host.Minutes.Publishing;
using Forum.Tests.Support;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Minutes;

[Collection(MinutesCollection.Name)]
public class MinutesPublicationTests(MinutesFixture fixture) : MinutesContext(fixture)
{
    private TestTimestampAuthority Tsa => fixture.Tsa;

    [Fact]
    public async Task Both_co_chairs_approve_a_revision_before_the_secretariat_publishes()
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession();
        await Draft(sessionId);
        var id = MinutesOf(sessionId);

        var before = await EventCount();
        var early = await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 409);
        ShouldBeProblem(early, 409, "both-co-chairs-approve");
        early.GetProperty("detail").GetString()!.ShouldContain("Government and the CivilSociety co-chair");
        ShouldBeProblem(await PostJson(MemberToken, $"/api/minutes/{id}/approve", new { }, 403), 403, "co-chair-only");
        ShouldBeProblem(await PostJson(Secretariat, $"/api/minutes/{id}/approve", new { }, 403), 403, "co-chair-only");
        ShouldBeProblem(await PostJson(GovChairToken, $"/api/minutes/{id}/revise", new { markdown = "# x" }, 403), 403, "secretariat-only");
        ShouldBeProblem(await PostJson(Secretariat, $"/api/minutes/{id}/revise", new { markdown = "" }, 400), 400, "field-required", "markdown");
        (await EventCount()).ShouldBe(before);

        await Send(GovChairToken, s => s.Post.Url($"/api/minutes/{id}/approve"), 204);
        ShouldBeProblem(await PostJson(GovChairToken, $"/api/minutes/{id}/approve", new { }, 409), 409, "already-approved");
        var view = await GetJson(GovChairToken, $"/api/sessions/{sessionId}/minutes");
        view.GetProperty("approvals")[0].GetProperty("name").GetString().ShouldBe("Олена Коваль");
        view.GetProperty("awaitingApproval").EnumerateArray().Select(x => x.GetString()).ShouldBe(["CivilSociety"]);

        // A revision after an approval: the approvals start again.
        var markdown = await GetText(Secretariat, $"/api/minutes/{id}.md");
        await Send(Secretariat, s => s.Post.Json(new { markdown = markdown + "\nCorrected by the secretariat.\n" }).ToUrl($"/api/minutes/{id}/revise"), 204);
        view = await GetJson(Secretariat, $"/api/sessions/{sessionId}/minutes");
        view.GetProperty("revision").GetInt32().ShouldBe(1);
        view.GetProperty("approvals").GetArrayLength().ShouldBe(0);
        (await GetText(MemberToken, $"/api/minutes/{id}.md")).ShouldContain("Corrected by the secretariat.");

        await Send(CsoChairToken, s => s.Post.Url($"/api/minutes/{id}/approve"), 204);
        ShouldBeProblem(await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 409), 409, "both-co-chairs-approve");
        await Send(GovChairToken, s => s.Post.Url($"/api/minutes/{id}/approve"), 204);
        ShouldBeProblem(await PostJson(GovChairToken, $"/api/minutes/{id}/publish", new { }, 403), 403, "secretariat-only");

        var published = await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 200);
        published.GetProperty("status").GetString().ShouldBe("Published");
        published.GetProperty("links").GetProperty("pdf").GetString().ShouldBe($"/api/minutes/{id}.pdf");

        view = await GetJson(null, $"/api/sessions/{sessionId}/minutes");
        view.GetProperty("status").GetString().ShouldBe("Published");
        view.GetProperty("documentSha256").GetString().ShouldBe(published.GetProperty("documentSha256").GetString());
        ShouldBeProblem(await PostJson(Secretariat, $"/api/minutes/{id}/revise", new { markdown = "# changed" }, 409), 409, "minutes-published");
        ShouldBeProblem(await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 409), 409, "minutes-published");
        (await GetText(null, $"/api/minutes/{id}.md")).ShouldContain("Corrected by the secretariat.");
    }

    [Fact]
    public async Task Drafts_are_for_the_forum_published_minutes_for_everyone()
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession();
        await Draft(sessionId);
        var id = MinutesOf(sessionId);

        ShouldBeProblem(await GetJson(null, $"/api/sessions/{sessionId}/minutes", 401), 401, "sign-in-required");
        foreach (var url in new[] { $"/api/minutes/{id}.md", $"/api/minutes/{id}.html", $"/api/minutes/{id}.pdf", $"/api/minutes/{id}/verify" })
            ShouldBeProblem(await GetJson(null, url, 401), 401, "sign-in-required");
        var outsider = await TokenFor("outsider@else.test");
        ShouldBeProblem(await GetJson(outsider, $"/api/minutes/{id}.md", 404), 404, "forum-members-only");
        ShouldBeProblem(await GetJson(outsider, $"/api/sessions/{sessionId}/minutes", 404), 404, "forum-members-only");
        var observer = await TokenFor("press@news.test");
        (await GetText(observer, $"/api/minutes/{id}.md")).ShouldContain("Autumn plenary");
        ShouldBeProblem(await GetJson(observer, $"/api/minutes/{id}.pdf", 409), 409, "minutes-not-published");
        ShouldBeProblem(await GetJson(Secretariat, $"/api/minutes/{Guid.NewGuid()}.md", 404), 404, "minutes-not-found");
        ShouldBeProblem(await GetJson(Secretariat, $"/api/sessions/{Guid.NewGuid()}/minutes", 404), 404, "minutes-not-found");
        (await GetJson(null, $"/api/forums/{ForumId}/minutes")).GetProperty("minutes").GetArrayLength().ShouldBe(0);

        await Approve(id);
        await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 200);

        var archive = await GetJson(null, $"/api/forums/{ForumId}/minutes");
        archive.GetProperty("name").GetString().ShouldBe("Anti-corruption forum");
        var entry = archive.GetProperty("minutes").EnumerateArray().Single();
        entry.GetProperty("minutesId").GetGuid().ShouldBe(id);
        entry.GetProperty("sessionTitle").GetString().ShouldBe("Autumn plenary");
        (await GetBytes(null, entry.GetProperty("links").GetProperty("pdf").GetString()!))[..5].ShouldBe("%PDF-"u8.ToArray());
        (await GetText(null, $"/api/minutes/{id}.html")).ShouldContain("<h1>Minutes: Autumn plenary</h1>");
        (await GetText(null, $"/api/minutes/{id}.sig.json")).ShouldContain(entry.GetProperty("documentSha256").GetString()!);
        ShouldBeProblem(await GetJson(null, $"/api/forums/{Guid.NewGuid()}/minutes", 404), 404, "forum-not-found");
    }

    [Fact]
    public async Task Markup_typed_by_participants_shows_as_text()
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession();
        await Draft(sessionId);
        var html = await GetText(Secretariat, $"/api/minutes/{MinutesOf(sessionId)}.html");
        html.ShouldContain("&lt;script&gt;alert('x')&lt;/script&gt; **not bold** [link](http://evil.test)");
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<strong>not bold</strong>");
        html.ShouldNotContain("href=\"http://evil.test");

        // The secretariat's own raw HTML is text as well.
        var id = MinutesOf(sessionId);
        await Send(Secretariat, s => s.Post.Json(new { markdown = "# Minutes\n\n<img src=x onerror=alert(1)>\n" }).ToUrl($"/api/minutes/{id}/revise"), 204);
        (await GetText(Secretariat, $"/api/minutes/{id}.html")).ShouldContain("&lt;img src=x onerror=alert(1)&gt;");

        // A link the secretariat writes stays a link, but the document runs no script on our origin.
        await Send(Secretariat, s => s.Post.Json(new { markdown = "# Minutes\n\n[click](javascript:alert(1))\n" }).ToUrl($"/api/minutes/{id}/revise"), 204);
        var page = await Send(Secretariat, s => s.Get.Url($"/api/minutes/{id}.html"), 200);
        page.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldStartWith("sandbox;");
    }

    [Theory]
    [InlineData("uk", "# Протокол: Autumn plenary", "**Співголови:** Олена Коваль (Уряд); Nino Beridze (Громадянське суспільство)", "Консенсус із застереженнями")]
    [InlineData("ru", "# Протокол: Autumn plenary", "**Сопредседатели:** Олена Коваль (Правительство); Nino Beridze (Гражданское общество)", "Консенсус с оговорками")]
    [InlineData("hy", "# Արձանագրություն՝ Autumn plenary", "**Համանախագահներ:** Олена Коваль (Կառավարություն); Nino Beridze (Քաղաքացիական հասարակություն)", "Կոնսենսուս՝ վերապահումներով")]
    [InlineData("az", "# Minutes: Autumn plenary", "**Co-chairs:** Олена Коваль (Government)", "Consensus with reservations")]
    public async Task Minutes_are_drafted_in_the_session_language_or_english(string language, string heading, string coChairs, string outcome)
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession(language);
        await Draft(sessionId);
        var md = await GetText(Secretariat, $"/api/minutes/{MinutesOf(sessionId)}.md");
        md.ShouldStartWith(heading);
        md.ShouldContain(coChairs);
        md.ShouldContain(outcome);
        (await GetJson(Secretariat, $"/api/sessions/{sessionId}/minutes")).GetProperty("language").GetString().ShouldBe(language);
    }

    [Fact]
    public async Task Drafting_twice_keeps_one_draft_and_an_open_session_gets_none()
    {
        await ArrangeForum();
        var closed = await ArrangeClosedSession();
        await Draft(closed);
        await Draft(closed);
        await using (var session = Store.QuerySession())
            (await session.Events.FetchStreamAsync(MinutesOf(closed))).Count.ShouldBe(1);

        var open = await ArrangeClosedSession(close: false);
        await Draft(open);
        ShouldBeProblem(await GetJson(Secretariat, $"/api/sessions/{open}/minutes", 404), 404, "minutes-not-found");
    }

    [Fact]
    public async Task Published_minutes_are_PAdES_B_T_that_pdfsig_and_openssl_accept_and_their_text_is_intact()
    {
        var stampedBefore = Tsa.Stamped;
        var id = await Published("uk");
        // Ukrainian and English: each document its own signature, each signature its own timestamp.
        Tsa.Stamped.ShouldBe(stampedBefore + 2);
        var pdf = await GetBytes(null, $"/api/minutes/{id}.pdf");
        var signerPem = (await GetJson(null, "/.well-known/forum-keys")).GetProperty("keys")[0].GetProperty("certificate").GetString()!;
        var folder = Path.Combine(Fixture.DataDirectory, $"check-{id}");

        var outcome = await new IndependentChecks(folder).Run(pdf, signerPem, Tsa.Root.ExportCertificatePem());
        outcome.Pdfsig.ShouldContain("Signature Type: ETSI.CAdES.detached");
        outcome.Pdfsig.ShouldContain("Signature Validation: Signature is Valid.");
        outcome.Pdfsig.ShouldContain("Total document signed");
        outcome.CmsVerify.ShouldContain("CMS Verification successful");
        outcome.CmsPrint.ShouldContain("id-smime-aa-timeStampToken");
        outcome.TsVerify!.ShouldContain("Verification: OK");
        outcome.TsText!.ShouldContain("Policy OID: 1.3.6.1.4.1.55555.1.1");
        outcome.TsText!.ShouldContain("Time stamp: ");

        var (text, _) = await IndependentChecks.Tool(null, "pdftotext", "-enc", "UTF-8", Path.Combine(folder, "minutes.pdf"), "-");
        text.ShouldContain("Протокол: Autumn plenary");
        text.ShouldContain("Українська мова: ї, є, ґ.");

        var report = await GetJson(null, $"/api/minutes/{id}/verify");
        report.GetProperty("signatureLevel").GetString().ShouldBe("PAdES-B-T");
        report.GetProperty("timestamp").GetProperty("valid").GetBoolean().ShouldBeTrue();
        report.GetProperty("timestamp").GetProperty("authority").GetString().ShouldBe("CN=Forum test time-stamping authority");

        pdf[pdf.Length / 3] ^= 0x20;
        var changed = await new IndependentChecks(folder + "-changed").Run(pdf, signerPem);
        changed.Pdfsig.ShouldNotContain("Signature is Valid.");
        changed.CmsVerify.ShouldNotContain("CMS Verification successful");
    }

    [Fact]
    public async Task With_the_time_stamping_authority_down_nothing_is_published_until_it_is_back()
    {
        await ArrangeForum();
        var id = await Approved();
        var before = await EventCount();
        Tsa.Refusing = true;
        try
        {
            var refused = await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 503);
            refused.GetProperty("rule").GetString().ShouldBe("timestamp-unavailable");
            refused.GetProperty("detail").GetString()!.ShouldContain(Tsa.Url.ToString());
            (await EventCount()).ShouldBe(before);
        }
        finally { Tsa.Refusing = false; }
        (await PostJson(Secretariat, $"/api/minutes/{id}/publish", new { }, 200)).GetProperty("sequence").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Verify_accepts_untouched_minutes_and_names_a_changed_document()
    {
        var id = await Published();
        var ok = await GetJson(null, $"/api/minutes/{id}/verify");
        ok.GetProperty("documentIntact").GetBoolean().ShouldBeTrue();
        ok.GetProperty("eventsIntact").GetBoolean().ShouldBeTrue();
        ok.GetProperty("signatureValid").GetBoolean().ShouldBeTrue();
        ok.GetProperty("pdfSignatureValid").GetBoolean().ShouldBeTrue();
        ok.GetProperty("version").GetInt64().ShouldBe(23);
        ok.GetProperty("keyId").GetString().ShouldBe((await GetJson(null, "/.well-known/forum-keys")).GetProperty("keys")[0].GetProperty("keyId").GetString());
        ok.GetProperty("problems").GetArrayLength().ShouldBe(0);

        await using (var session = Store.LightweightSession())
        {
            var stored = (await session.LoadAsync<PublishedMinutes>(id))!;
            stored.Pdf[stored.Pdf.Length / 2] ^= 0x01;
            session.Store(stored);
            await session.SaveChangesAsync();
        }
        var tampered = await GetJson(null, $"/api/minutes/{id}/verify");
        tampered.GetProperty("documentIntact").GetBoolean().ShouldBeFalse();
        tampered.GetProperty("pdfSignatureValid").GetBoolean().ShouldBeFalse();
        tampered.GetProperty("eventsIntact").GetBoolean().ShouldBeTrue();
        tampered.GetProperty("signatureValid").GetBoolean().ShouldBeTrue();
        var problems = tampered.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.StartsWith("document:"));
    }

    [Fact]
    public async Task Verify_names_a_changed_event_in_the_store()
    {
        var id = await Published();
        var sessionId = (await GetJson(null, $"/api/minutes/{id}/verify")).GetProperty("minutesId").GetGuid() == id
            ? (await GetJson(null, $"/api/forums/{ForumId}/minutes")).GetProperty("minutes")[0].GetProperty("sessionId").GetGuid()
            : Guid.Empty;
        await TamperWithEvent(sessionId, version: 13);

        var report = await GetJson(null, $"/api/minutes/{id}/verify");
        report.GetProperty("eventsIntact").GetBoolean().ShouldBeFalse();
        report.GetProperty("documentIntact").GetBoolean().ShouldBeTrue();
        report.GetProperty("signatureValid").GetBoolean().ShouldBeTrue();
        var problem = report.GetProperty("problems").EnumerateArray().Single().GetString()!;
        problem.ShouldStartWith("events: event 13 (position_submitted) is not as it was when the minutes were signed;");
        problem.ShouldContain("up to version 23");
        var changed = report.GetProperty("firstChangedEvent");
        changed.GetProperty("version").GetInt64().ShouldBe(13);
        changed.GetProperty("type").GetString().ShouldBe("position_submitted");
        changed.GetProperty("change").GetString().ShouldBe("changed");
    }

    [Fact]
    public async Task The_cli_verifies_downloaded_files_and_names_the_part_that_changed()
    {
        var id = await Published();
        var pdf = await GetBytes(null, $"/api/minutes/{id}.pdf");
        var sig = await GetText(null, $"/api/minutes/{id}.sig.json");
        var keys = Host.Services.GetRequiredService<SigningKeys>();

        var output = new StringWriter();
        (await VerifyMinutesCommand.Run(output, pdf, sig, keys, null, Store)).ShouldBeTrue(output.ToString());
        output.ToString().ShouldContain("result:        VALID");

        var changed = (byte[])pdf.Clone();
        changed[changed.Length / 2] ^= 0x01;
        output = new StringWriter();
        (await VerifyMinutesCommand.Run(output, changed, sig, keys, null, Store)).ShouldBeFalse();
        output.ToString().ShouldContain("document:      CHANGED");
        output.ToString().ShouldContain("events:        intact");

        // Someone without the forum's keys folder: the certificate in the signature file is used, and says so.
        output = new StringWriter();
        var stranger = new SigningKeys(Path.Combine(Fixture.DataDirectory, "elsewhere"));
        (await VerifyMinutesCommand.Run(output, pdf, sig, stranger, null, null)).ShouldBeTrue(output.ToString());
        output.ToString().ShouldContain("not among this forum's keys");
        output.ToString().ShouldContain("events:        not checked");

        var forged = sig.Replace("\"sessionVersion\": 23", "\"sessionVersion\": 22");
        output = new StringWriter();
        (await VerifyMinutesCommand.Run(output, pdf, forged, keys, null, Store)).ShouldBeFalse();
        output.ToString().ShouldContain("signature:     CHANGED");

        var sessionId = SignatureRecord.Parse(sig)!.SessionId;
        await TamperWithEvent(sessionId, version: 16);
        output = new StringWriter();
        (await VerifyMinutesCommand.Run(output, pdf, sig, keys, null, Store)).ShouldBeFalse();
        output.ToString().ShouldContain("events:        CHANGED: event 16 (position_submitted) is not as it was");
        output.ToString().ShouldContain("document:      intact");
    }

    [Fact]
    public async Task The_verify_minutes_verb_exits_non_zero_and_names_the_changed_document()
    {
        var id = await Published();
        var pdf = await GetBytes(null, $"/api/minutes/{id}.pdf");
        pdf[pdf.Length / 2] ^= 0x01;
        var pdfPath = Path.Combine(Fixture.DataDirectory, $"{id}-changed.pdf");
        var sigPath = Path.Combine(Fixture.DataDirectory, $"{id}.sig.json");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        await File.WriteAllTextAsync(sigPath, await GetText(null, $"/api/minutes/{id}.sig.json"));

        var (output, exitCode) = await HostVerb("verify-minutes", pdfPath, sigPath);

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("document:      CHANGED", customMessage: output);
        output.ShouldContain("events:        intact");
        output.ShouldContain("result:        NOT VALID");
    }

    [Fact]
    public async Task The_rotate_signing_key_verb_retires_the_key_which_keeps_verifying_older_minutes_and_the_chain_goes_on()
    {
        var first = await Published();
        var before = (await GetJson(null, "/.well-known/forum-keys")).GetProperty("keys")[0];
        before.GetProperty("status").GetString().ShouldBe("current");
        before.GetProperty("certificate").GetString()!.ShouldStartWith("-----BEGIN CERTIFICATE-----");
        var retiredId = before.GetProperty("keyId").GetString()!;

        // As the operator's verb runs it, in a process of its own beside the running host: its own SigningKeys over the same
        // keys folder. The running host signs with the new key from its next publication.
        var verb = new StringWriter();
        RotateSigningKeyCommand.Run(verb, new SigningKeys(Host.Services.GetRequiredService<IConfiguration>())).ShouldBeTrue(verb.ToString());
        var output = verb.ToString();
        output.ShouldContain($"retired:  {retiredId}");

        var after = (await GetJson(null, "/.well-known/forum-keys")).GetProperty("keys").EnumerateArray().ToList();
        var currentId = after[0].GetProperty("keyId").GetString()!;
        currentId.ShouldNotBe(retiredId);
        output.ShouldContain($"current:  {currentId}");
        after.ShouldContain(k => k.GetProperty("keyId").GetString() == retiredId && k.GetProperty("status").GetString() == "retired");

        var second = await PublishedIn(title: "Winter plenary");
        var old = await GetJson(null, $"/api/minutes/{first}/verify");
        old.GetProperty("valid").GetBoolean().ShouldBeTrue(old.ToString());
        old.GetProperty("keyId").GetString().ShouldBe(retiredId);
        var next = await GetJson(null, $"/api/minutes/{second}/verify");
        next.GetProperty("keyId").GetString().ShouldBe(currentId);
        next.GetProperty("previousMinutesId").GetGuid().ShouldBe(first);
        (await GetJson(null, $"/api/forums/{ForumId}/minutes/verify")).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_forum_own_certificate_is_not_rotated_by_the_verb()
    {
        var folder = Directory.CreateTempSubdirectory("forum-own-cert-").FullName;
        var pfx = Path.Combine(folder, "forum.p12");
        using (var cert = SigningKeys.Generate("Anti-corruption forum (qualified seal)"))
            await File.WriteAllBytesAsync(pfx, cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "secret"));
        var keys = new SigningKeys(Path.Combine(folder, "keys"), pfx, "secret");
        var output = new StringWriter();

        RotateSigningKeyCommand.Run(output, keys).ShouldBeFalse();

        output.ToString().ShouldContain("Signing:CertificatePath");
        keys.Current.Subject.ShouldBe("CN=Anti-corruption forum (qualified seal)");
    }

    /// <summary>The host's own command line, as an operator runs it: same database, schema and keys folder.</summary>
    private async Task<(string Output, int ExitCode)> HostVerb(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Checkout.HostDll) };
        foreach (var a in new[] { Checkout.HostDll }.Concat(args)) start.ArgumentList.Add(a);
        start.Environment["FORUM_DB"] = AppFixture.ConnectionString;
        start.Environment["Forum__Schema"] = Store.Options.Events.DatabaseSchemaName;
        start.Environment["Forum__DataDirectory"] = Fixture.DataDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (await output + await errors, process.ExitCode);
    }
}
