using Forum.Domain.Common;

namespace Forum.Domain.Identity;

/// <summary>What a request asks of a token: to read a session's board, to follow sessions live on the hub, or anything else.</summary>
public enum TokenUse { ReadBoard, FollowLive, Other }

/// <summary>
/// A room display's token (made on the session desk) reads its own session's board and follows it live; anywhere else
/// it is no one. Checked when the token authenticates a request (the session named in the address) and when the hub
/// is asked to join a session (connecting to the hub names none yet).
/// </summary>
public static class DisplayTokens
{
    public static Rejection? MayUse(Guid displaySessionId, TokenUse use, Guid? sessionId) => use switch
    {
        TokenUse.FollowLive when sessionId is null => null,
        TokenUse.ReadBoard or TokenUse.FollowLive when sessionId == displaySessionId => null,
        _ => Rejection.Forbidden("display-token-scope", "A room display's token reads and follows its own session's board only."),
    };
}
