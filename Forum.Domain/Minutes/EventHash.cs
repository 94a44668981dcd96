using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Forum.Domain.Minutes;

/// <summary>One stored event as the hash sees it: its version, type name, timestamp and data as JSON text.</summary>
public sealed record RecordedEvent(long Version, string Type, DateTimeOffset Timestamp, string Json);

/// <summary>
/// The SHA-256 of a stream's events in canonical form (docs/adr/0006): one line per event in version order,
/// "version TAB type TAB timestamp TAB canonical-json LF", UTF-8. Canonical JSON: object keys sorted by ordinal,
/// no whitespace, strings re-escaped with one fixed encoder, numbers as stored.
/// </summary>
public static class EventHash
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Compute(IEnumerable<RecordedEvent> events)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        foreach (var e in events)
        {
            buffer.ResetWrittenCount();
            Line(e, buffer);
            sha.AppendData(buffer.WrittenSpan);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
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
