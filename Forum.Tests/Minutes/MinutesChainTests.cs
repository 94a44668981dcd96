using System.Text.Json;
using Forum.Domain.Minutes;
using Forum.Host.Minutes;
using Forum.Host.Minutes.Publishing;
using Forum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Minutes;

/// <summary>The forum's archive as one chain of signed minutes, and what the walk names when someone with the database changes it.</summary>
[Collection(MinutesCollection.Name)]
public class MinutesChainTests(MinutesFixture fixture) : MinutesContext(fixture)
{
    private Task<JsonElement> Walk() => GetJson(null, $"/api/forums/{ForumId}/minutes/verify");

    private static List<JsonElement> ChainProblems(JsonElement walk) => walk.GetProperty("chain").GetProperty("problems").EnumerateArray().ToList();

    [Fact]
    public async Task Two_publications_in_one_forum_at_once_make_one_chain_not_two()
    {
        await ArrangeForum();
        var a = await Approved(title: "Spring plenary");
        var b = await Approved(title: "Summer plenary");

        var answers = await Task.WhenAll(
            PostJson(Secretariat, $"/api/minutes/{a}/publish", new { }, 200),
            PostJson(Secretariat, $"/api/minutes/{b}/publish", new { }, 200));

        answers.Select(x => x.GetProperty("sequence").GetInt64()).Order().ShouldBe([1, 2]);
        var second = answers.Single(x => x.GetProperty("sequence").GetInt64() == 2);
        var first = answers.Single(x => x.GetProperty("sequence").GetInt64() == 1);
        second.GetProperty("previousMinutesId").GetGuid().ShouldBe(first.GetProperty("minutesId").GetGuid());
        first.GetProperty("previousMinutesId").ValueKind.ShouldBe(JsonValueKind.Null);

        var walk = await Walk();
        walk.GetProperty("intact").GetBoolean().ShouldBeTrue(walk.ToString());
        walk.GetProperty("chain").GetProperty("length").GetInt64().ShouldBe(2);
        walk.GetProperty("chain").GetProperty("head").GetProperty("minutesId").GetGuid().ShouldBe(second.GetProperty("minutesId").GetGuid());
        walk.GetProperty("minutes").EnumerateArray().Select(m => m.GetProperty("valid").GetBoolean()).ShouldBe([true, true]);

        var sig = JsonDocument.Parse(await GetText(null, $"/api/minutes/{second.GetProperty("minutesId").GetGuid()}.sig.json")).RootElement;
        sig.GetProperty("format").GetString().ShouldBe("forum-minutes-signature/2");
        sig.GetProperty("sequence").GetInt64().ShouldBe(2);
        sig.GetProperty("previousDocumentSha256").GetString().ShouldBe(first.GetProperty("documentSha256").GetString());
        sig.GetProperty("previousRecordSha256").GetString()!.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Minutes_removed_from_the_archive_are_named_by_the_minutes_signed_after_them()
    {
        await ArrangeForum();
        await PublishedIn(title: "Spring plenary");
        var removed = await PublishedIn(title: "Summer plenary");
        var third = await PublishedIn(title: "Autumn plenary");
        (await Walk()).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // Everything of the middle minutes goes: its stream, its files, its listing, and its entry in the archive's stream.
        await Sql("delete from {schema}.mt_events where stream_id = @id or (stream_id = @archive and data->>'minutesId' = @text)",
            ("id", removed), ("archive", MinutesArchiveRules.IdFor(ForumId)), ("text", removed.ToString()));
        await Sql("delete from {schema}.mt_streams where id = @id", ("id", removed));
        foreach (var table in new[] { "mt_doc_publishedminutes", "mt_doc_minutesview", "mt_doc_signedeventdigests" })
            await Sql($"delete from {{schema}}.{table} where id = @id", ("id", removed));
        (await GetJson(null, $"/api/forums/{ForumId}/minutes")).GetProperty("minutes").GetArrayLength().ShouldBe(2);

        var walk = await Walk();
        walk.GetProperty("intact").GetBoolean().ShouldBeFalse();
        var problem = ChainProblems(walk).ShouldHaveSingleItem();
        problem.GetProperty("fault").GetString().ShouldBe("Removed");
        problem.GetProperty("minutesId").GetGuid().ShouldBe(removed);
        problem.GetProperty("sequence").GetInt64().ShouldBe(2);
        problem.GetProperty("detail").GetString()!.ShouldContain($"minutes {third} was signed after it");
        // The other two still verify on their own.
        walk.GetProperty("minutes").EnumerateArray().ShouldAllBe(m => m.GetProperty("valid").GetBoolean());

        var output = new StringWriter();
        (await VerifyMinutesCommand.RunArchive(output, ForumId, Host.Services.GetRequiredService<SigningKeys>(), Store)).ShouldBeFalse();
        output.ToString().ShouldContain($"chain:         REMOVED: number 2 (minutes {removed}) is missing from the archive");
        output.ToString().ShouldContain("result:        NOT VALID");
    }

    [Fact]
    public async Task Minutes_replaced_by_a_document_signed_again_with_the_forum_key_are_named()
    {
        await ArrangeForum();
        var replaced = await PublishedIn(title: "Spring plenary");
        await PublishedIn(title: "Summer plenary");

        // Someone holding the key signs a different text in the first one's place, at its number: each file checks out alone.
        await using (var session = Store.LightweightSession())
        {
            var minutes = (await session.Events.AggregateStreamAsync<MinutesState>(replaced))!;
            var stored = (await session.LoadAsync<PublishedMinutes>(replaced))!;
            var original = SignatureRecord.Parse(stored.SignatureJson)!;
            var publisher = Host.Services.GetRequiredService<MinutesPublisher>();
            var forged = await publisher.RenderAsync(MinutesDocument.Of(minutes) with { Markdown = "# Minutes\n\nNothing was decided.\n" }, null, DateTimeOffset.UtcNow);
            var events = EventHash.Digest([]) with { Sha256 = original.EventsSha256 };
            var record = MinutesPublisher.Sign(forged, original.SessionVersion, events, new ChainLink(1, null, null, null));
            stored.Pdf = forged.Pdf;
            stored.SignatureJson = record.ToJson();
            session.Store(stored);
            await session.SaveChangesAsync();
        }

        var walk = await Walk();
        walk.GetProperty("intact").GetBoolean().ShouldBeFalse();
        ChainProblems(walk).ShouldContain(p => p.GetProperty("fault").GetString() == "Replaced" && p.GetProperty("minutesId").GetGuid() == replaced
            && p.GetProperty("sequence").GetInt64() == 1);
        var own = walk.GetProperty("minutes").EnumerateArray().Single(m => m.GetProperty("minutesId").GetGuid() == replaced);
        own.GetProperty("signatureValid").GetBoolean().ShouldBeFalse(); // it no longer matches the publication on record
    }

    [Fact]
    public async Task An_archive_whose_order_was_changed_is_named_reordered()
    {
        await ArrangeForum();
        var first = await PublishedIn(title: "Spring plenary");
        var second = await PublishedIn(title: "Summer plenary");

        // The archive's two entries swap minutes: number 1 now says "Summer", number 2 "Spring".
        await Sql("""
            update {schema}.mt_events set data = jsonb_set(data, '{minutesId}', to_jsonb(case when data->>'minutesId' = @a then @b else @a end))
            where stream_id = @archive
            """, ("a", first.ToString()), ("b", second.ToString()), ("archive", MinutesArchiveRules.IdFor(ForumId)));

        var problems = ChainProblems(await Walk());
        problems.Where(p => p.GetProperty("fault").GetString() == "Reordered").Select(p => p.GetProperty("minutesId").GetGuid()).ShouldBe([second, first]);
        problems[0].GetProperty("detail").GetString()!.ShouldContain($"lists minutes {second} as number 1, but it was signed as number 2");
        problems[0].GetProperty("sessionTitle").GetString().ShouldBe("Summer plenary");
    }

    [Fact]
    public async Task The_verb_places_downloaded_minutes_in_their_forum_chain()
    {
        await ArrangeForum();
        await PublishedIn(title: "Spring plenary");
        var second = await PublishedIn(title: "Summer plenary");
        var pdf = await GetBytes(null, $"/api/minutes/{second}.pdf");
        var sig = await GetText(null, $"/api/minutes/{second}.sig.json");

        var output = new StringWriter();
        (await VerifyMinutesCommand.Run(output, pdf, sig, Host.Services.GetRequiredService<SigningKeys>(), null, Store)).ShouldBeTrue(output.ToString());
        output.ToString().ShouldContain("pdf signature: valid (PAdES-B-T)");
        output.ToString().ShouldContain("timestamp:     valid");
        output.ToString().ShouldContain("chain:         number 2 of 2, signed after minutes");
    }

    [Fact]
    public async Task An_unknown_forum_has_no_archive_to_walk() =>
        ShouldBeProblem(await GetJson(null, $"/api/forums/{Guid.NewGuid()}/minutes/verify", 404), 404, "forum-not-found");
}
