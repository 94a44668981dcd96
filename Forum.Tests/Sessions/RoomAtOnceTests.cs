using Forum.Domain.Sessions;
using Forum.Tests.Support;
using Marten;

namespace Forum.Tests.Sessions;

[Collection(ApiCollection.Name)]
public class RoomAtOnceTests(ApiFixture fixture) : SessionContext(fixture)
{
    [Fact]
    public async Task A_hundred_members_sending_two_hundred_submissions_at_once_all_get_2xx_and_the_board_shows_each_last_stance()
    {
        var w = await World(open: true);
        var now = DateTimeOffset.UtcNow;
        // A hundred more members, admitted and checked in through the store in one go (arrangement, not the subject).
        var members = Enumerable.Range(0, 100).Select(i => (Id: Guid.CreateVersion7(), Email: $"room{i}@forum.test")).ToList();
        await using (var session = Store.LightweightSession())
        {
            // Appended the way the host appends (the stream's version known), so the snapshots carry their versions.
            (await session.Events.FetchForWriting<Forum.Domain.Forums.ForumState>(w.ForumId)).AppendMany(members.Select((m, i) => (object)new Forum.Domain.Forums.MemberAdmitted(
                w.ForumId, m.Id, $"Member {i}", m.Email, "Org", (Forum.Domain.Forums.StakeholderGroup)(i % 3), Forum.Domain.Forums.MemberRole.Member, Guid.Empty, now)).ToArray());
            (await session.Events.FetchForWriting<SessionState>(w.SessionId)).AppendMany(members.Select((m, i) => (object)new ParticipantCheckedIn(
                w.SessionId, m.Id, $"Member {i}", (Forum.Domain.Forums.StakeholderGroup)(i % 3), Forum.Domain.Forums.MemberRole.Member, Presence.Online, null, now)).ToArray());
            await session.SaveChangesAsync();
        }
        var tokens = new List<string>();
        foreach (var m in members) tokens.Add(await TokenFor(m.Email));

        var stances = Enum.GetValues<Stance>().Where(s => s is not (Stance.Block or Stance.Object)).ToArray();
        var expected = new Dictionary<Guid, Stance>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var submissions = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var tasks = members.Select(async (m, i) =>
        {
            await start.Task;
            // Each member sends twice; the second is their last word.
            foreach (var round in new[] { 0, 1 })
            {
                var stance = stances[(i + round) % stances.Length];
                var result = await Host.Scenario(s =>
                {
                    s.WithRequestHeader("Authorization", "Bearer " + tokens[i]);
                    s.Post.Json(new { stance = stance.ToString(), statement = $"round {round}" }).ToUrl(w.Item(w.DecisionItem, "/positions"));
                    s.IgnoreStatusCode();
                });
                statuses.Add(result.Context.Response.StatusCode);
                if (result.Context.Response.StatusCode == 202)
                    submissions.Add((await ReadJson(result)).GetProperty("submissionId").GetGuid());
            }
        }).ToList();
        for (var i = 0; i < members.Count; i++) expected[members[i].Id] = stances[(i + 1) % stances.Length];
        var schema = Fixture.SchemaName;
        int groups, inboxWrites, tokenReads;
        using (var locks = new CommandCount(sql => sql.Contains(schema + ".mt_streams") && sql.Contains("for update", StringComparison.OrdinalIgnoreCase)))
        using (var inbox = new CommandCount(sql => sql.Contains(schema + ".wolverine_incoming_envelopes") && sql.Contains("insert", StringComparison.OrdinalIgnoreCase)))
        using (var lookups = new CommandCount(sql => sql.Contains(schema + ".mt_doc_apitoken")))
        {
            start.SetResult();
            await Task.WhenAll(tasks);
            (groups, inboxWrites, tokenReads) = (locks.Value, inbox.Value, lookups.Value);
        }
        // Stored together (ADR 0027, 0030): a few groups, decided under one lock of the session each, or (the larger ones)
        // written to the inbox at once and decided by the session's batch; 203 inbox writes when each request stored its own.
        groups.ShouldBeInRange(1, 99);
        inboxWrites.ShouldBeLessThan(100);
        // Each member's token read once, the second request answered from this host's lookups (ADR 0026): 200 before.
        tokenReads.ShouldBeLessThanOrEqualTo(105);

        statuses.Count.ShouldBe(200);
        statuses.ShouldAllBe(s => s >= 200 && s < 300);
        foreach (var id in submissions) await Fixture.Receipts.WaitFor(id);

        var board = await Board(w, w.Gov.Token);
        var positions = ItemOf(board, w.DecisionItem).GetProperty("positions");
        foreach (var m in members)
        {
            var p = positions.GetProperty(m.Id.ToString());
            p.GetProperty("stance").GetString().ShouldBe(expected[m.Id].ToString());
            p.GetProperty("statement").GetString().ShouldBe("round 1");
        }
        await using var query = Store.QuerySession();
        var receipts = await query.Query<Forum.Host.Sessions.SubmittingPositions.PositionReceipt>().Where(r => r.SessionId == w.SessionId).ToListAsync();
        receipts.Count.ShouldBe(200);
        // The decision states carry the version they reflect (what lets hosts share them safely, ADR 0011); positions are not in
        // the session's, so it still reflects the last event before them and the burst never rewrote it (ADR 0013).
        var events = await query.Events.FetchStreamAsync(w.SessionId);
        (await query.LoadAsync<SessionState>(w.SessionId))!.Version.ShouldBe(events.Last(e => e.Data is not PositionSubmitted).Version);
        (await query.LoadAsync<Forum.Domain.Forums.ForumState>(w.ForumId))!.Version.ShouldBe((await query.Events.FetchStreamStateAsync(w.ForumId))!.Version);
        receipts.ShouldAllBe(r => r.Status != Forum.Host.Sessions.SubmittingPositions.SubmissionStatus.Refused);
    }
}
