using Forum.Domain.ActionPlans;
using Marten;
using Npgsql;

namespace Forum.Host.ActionPlans.Monitoring;

/// <summary>An uploaded file's metadata (a document); its bytes are in <see cref="ContentTable"/>, kept as uploaded.</summary>
public sealed class EvidenceFile
{
    public const string ContentTable = "evidence_content";

    public Guid Id { get; set; }
    public Guid CommitmentId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public Guid UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public UploadedEvidence Uploaded => new(Id, CommitmentId, FileName, ContentType, Size, Sha256);

    /// <summary>The files a report or assessment cites by id, as the rule needs them.</summary>
    public static async Task<IReadOnlyDictionary<Guid, UploadedEvidence>> Cited(IQuerySession store, IEnumerable<EvidenceInput>? evidence)
    {
        var ids = (evidence ?? []).Select(e => e?.EvidenceId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, UploadedEvidence>();
        return (await store.LoadManyAsync<EvidenceFile>(ids)).ToDictionary(f => f.Id, f => f.Uploaded);
    }

    public static void StoreContent(IDocumentSession session, Guid id, byte[] content) =>
        session.QueueSqlCommand($"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{ContentTable} (id, content) values (?, ?)", id, content);

    public static async Task<byte[]?> Content(IDocumentStore store, Guid id, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select content from {store.Options.DatabaseSchemaName}.{ContentTable} where id = $1", connection);
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync(ct) as byte[];
    }
}
