using System.Security.Cryptography;
using System.Text;

namespace Forum.Domain.Common;

/// <summary>
/// An id derived from another (a session's minutes, a forum's archive): the same name always gives the same id, so a
/// redelivered message finds what it made. SHA-256 of the name's UTF-8 bytes and the id's, as a version 8 UUID (RFC 9562).
/// </summary>
public static class NameBasedId
{
    public static Guid Of(string name, Guid from)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData([.. Encoding.UTF8.GetBytes(name), .. from.ToByteArray(bigEndian: true)], hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: name-based, application defined
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
