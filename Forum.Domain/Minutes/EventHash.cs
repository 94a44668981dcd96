using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Forum.Domain.Minutes;

/// <summary>One stored event as the hash sees it: its version, type name, timestamp and data as JSON text.</summary>
public sealed record RecordedEvent(long Version, string Type, DateTimeOffset Timestamp, string Json);

/// <summary>The SHA-256 of one event's line, and what names the event.</summary>
public sealed record EventDigest(long Version, string Type, byte[] Sha256);

/// <summary>
/// The events' hash (docs/adr/0006) with the hash of each event's line beside it. The line hashes are kept at publication
/// and bound into the signature record by <see cref="ListSha256"/>, so that a later change can be traced to the first event
/// that differs (docs/adr/0015).
/// </summary>
public sealed record EventsDigest(string Sha256, IReadOnlyList<EventDigest> Events)
{
    private byte[]? _packed;

    /// <summary>The line hashes one after the other, 32 bytes each: what publication keeps.</summary>
    public byte[] Packed() => _packed ??= EventHash.Pack(Events);

    public string ListSha256 => Convert.ToHexStringLower(SHA256.HashData(Packed()));
}

/// <summary>The first event that is not as signed: "changed" (its line hashes differently now), "missing", or "added".</summary>
public sealed record EventDifference(long Version, string? Type, string Change);

/// <summary>
/// The SHA-256 of a stream's events in canonical form (docs/adr/0006): one line per event in version order,
/// "version TAB type TAB timestamp TAB canonical-json LF", UTF-8. Canonical JSON: object keys sorted by ordinal,
/// no whitespace, strings re-escaped with one fixed encoder, numbers as stored.
/// </summary>
public static class EventHash
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Compute(IEnumerable<RecordedEvent> events) => Hash(events, null);

    public static EventsDigest Digest(IEnumerable<RecordedEvent> events)
    {
        var each = new List<EventDigest>();
        return new EventsDigest(Hash(events, each), each);
    }

    private static string Hash(IEnumerable<RecordedEvent> events, List<EventDigest>? each)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        foreach (var e in events)
        {
            buffer.ResetWrittenCount();
            Line(e, buffer);
            sha.AppendData(buffer.WrittenSpan);
            each?.Add(new EventDigest(e.Version, e.Type, SHA256.HashData(buffer.WrittenSpan)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static byte[] Pack(IReadOnlyList<EventDigest> events)
    {
        var packed = new byte[events.Count * 32];
        for (var i = 0; i < events.Count; i++) events[i].Sha256.CopyTo(packed, i * 32);
        return packed;
    }

    /// <summary>
    /// The first version whose event is not as signed. <paramref name="signed"/> holds the line hashes of versions 1..N as
    /// published (32 bytes each); <paramref name="now"/> the events as the store holds them now.
    /// </summary>
    public static EventDifference? FirstDifference(ReadOnlySpan<byte> signed, IReadOnlyList<EventDigest> now)
    {
        var count = signed.Length / 32;
        var byVersion = now.ToDictionary(e => e.Version);
        var last = Math.Max(count, now.Count == 0 ? 0 : now.Max(e => e.Version));
        for (var v = 1L; v <= last; v++)
        {
            var found = byVersion.GetValueOrDefault(v);
            if (v > count)
            {
                if (found is not null) return new EventDifference(v, found.Type, "added");
                continue;
            }
            if (found is null) return new EventDifference(v, null, "missing");
            if (!signed.Slice((int)(v - 1) * 32, 32).SequenceEqual(found.Sha256)) return new EventDifference(v, found.Type, "changed");
        }
        return null;
    }

    /// <summary>The line of one event, as hashed.</summary>
    public static string Line(RecordedEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        Line(e, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string CanonicalJson(string json)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var doc = JsonDocument.Parse(json))
        using (var writer = new Utf8JsonWriter(buffer, Writer))
            Write(doc.RootElement, writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Line(RecordedEvent e, System.Buffers.ArrayBufferWriter<byte> buffer)
    {
        Encoding.UTF8.GetBytes($"{e.Version.ToString(CultureInfo.InvariantCulture)}\t{e.Type}\t{Timestamp(e.Timestamp)}\t", buffer);
        using (var doc = JsonDocument.Parse(e.Json))
        using (var writer = new Utf8JsonWriter(buffer, Writer))
            Write(doc.RootElement, writer);
        buffer.Write("\n"u8);
    }

    public static void Write(JsonElement e, Utf8JsonWriter w)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    Write(p.Value, w);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) Write(item, w);
                w.WriteEndArray();
                break;
            case JsonValueKind.String: w.WriteStringValue(e.GetString()); break;
            case JsonValueKind.Number: w.WriteRawValue(e.GetRawText(), skipInputValidation: true); break;
            case JsonValueKind.True: w.WriteBooleanValue(true); break;
            case JsonValueKind.False: w.WriteBooleanValue(false); break;
            default: w.WriteNullValue(); break;
        }
    }
}
