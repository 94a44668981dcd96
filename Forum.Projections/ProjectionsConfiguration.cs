using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Projections.Forums;
using Forum.Projections.Sessions;
using Forum.Projections.Minutes;
using JasperFx.Events.Projections;
using Marten;

namespace Forum.Projections;

public static class ProjectionsConfiguration
{
    /// <summary>Every read model and its lifecycle, in one place.</summary>
    public static StoreOptions AddForumProjections(this StoreOptions opts)
    {
        // Inline: the writer's own change is visible in the response that follows it.
        // The decision states are kept as inline snapshots too: a write loads one document, never replays a long stream.
        opts.Projections.Snapshot<ForumState>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<SessionState>(SnapshotLifecycle.Inline);
        // The board of a session and its parts (attendees, positions, invitees), each part its own small document (ADR 0013).
        // Its own table name: the board used to be a snapshot (numeric revisions); a database from then rebuilds it (ADR 0013).
        opts.Projections.Add(new SessionBoardProjection(), ProjectionLifecycle.Inline, "SessionBoard");
        opts.Schema.For<SessionBoard>().DocumentAlias("board").Index(x => x.ForumId);
        opts.Schema.For<BoardAttendee>().Index(x => x.SessionId);
        opts.Schema.For<BoardPosition>().Index(x => x.SessionId).Index(x => x.ItemId);
        opts.Schema.For<BoardInvitee>().Index(x => x.SessionId);
        opts.Schema.For<BoardBallot>().Index(x => x.SessionId).Index(x => x.ItemId);
        // Who is invited to what, found by e-mail: the MemberAgenda query (ADR 0009).
        opts.Projections.Snapshot<SessionInvitees>(SnapshotLifecycle.Inline);
        opts.Schema.For<SessionInvitees>().GinIndexJsonData();
        opts.Projections.Snapshot<ForumRoster>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ForumDirectoryEntry>(SnapshotLifecycle.Inline);
        // GIN, not btree: a forum of hundreds of members outgrows a btree index row (8 KiB) with its list of addresses.
        opts.Schema.For<ForumDirectoryEntry>().GinIndexJsonData();
        opts.Projections.Snapshot<MinutesView>(SnapshotLifecycle.Inline);
        opts.Schema.For<MinutesView>().Index(x => x.ForumId);
        return opts;
    }
}
