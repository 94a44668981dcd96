using System.Security.Cryptography;
using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Monitoring;
using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Monitoring;

public static class UploadEvidenceEndpoint
{
    /// <summary>One file, multipart, in a part named <c>file</c>; stored with its SHA-256 and served back byte for byte.</summary>
    [WolverinePost("/api/commitments/{commitmentId}/evidence"), Tags("Action plans")]
    public static async Task<IResult> Post(HttpRequest request, [ReadAggregate("commitmentId", Required = false)] CommitmentState commitment,
        [NotBody] PlanCaller caller, IDocumentSession session, TimeProvider clock)
    {
        if (MonitoringRules.MayUpload(caller.Forum, caller.Plan, commitment, caller.Actor) is { } denied) return Problems.Of(denied);
        if (!request.HasFormContentType)
            return Problems.Of(new Rejection(RejectionKind.UnsupportedMediaType, "multipart-required", "Send the file as multipart/form-data, in a part named 'file'."));
        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(request.HttpContext.RequestAborted)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Of(new Rejection(RejectionKind.TooLarge, "evidence-too-large", "Evidence files are at most 20 MB."));
        }
        var head = new byte[16];
        var read = 0;
        if (file is { Length: > 0 and <= EvidenceRules.MaxBytes })
        {
            await using var peek = file.OpenReadStream();
            read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        }
        var (contentType, refused) = EvidenceRules.Check(file?.FileName, file?.Length ?? 0, head.AsSpan(0, read));
        if (refused is not null) return Problems.Of(refused);

        var content = new byte[file!.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content);
        var evidence = new EvidenceFile
        {
            Id = Guid.CreateVersion7(), CommitmentId = commitment.Id, FileName = EvidenceRules.SafeName(file.FileName), ContentType = contentType!,
            Size = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), UploadedBy = caller.Actor!.AccountId, UploadedAt = clock.GetUtcNow(),
        };
        session.Store(evidence);
        EvidenceFile.StoreContent(session, evidence.Id, content);
        return Results.Created($"/api/evidence/{evidence.Id}", new
        {
            evidenceId = evidence.Id, evidence.Sha256, evidence.FileName, evidence.ContentType, evidence.Size, url = $"/api/evidence/{evidence.Id}",
        });
    }
}

public static class GetEvidenceEndpoint
{
    /// <summary>Evidence is public, as the plan is: the bytes exactly as uploaded, with their SHA-256 to check them by.</summary>
    [WolverineGet("/api/evidence/{evidenceId}"), Tags("Action plans")]
    public static async Task<IResult> Get(Guid evidenceId, HttpContext http, IQuerySession session, IDocumentStore store)
    {
        var file = await session.LoadAsync<EvidenceFile>(evidenceId);
        var content = file is null ? null : await EvidenceFile.Content(store, evidenceId, http.RequestAborted);
        if (file is null || content is null) return Problems.Of(Rejection.NotFound("evidence-not-found", $"There is no evidence file {evidenceId}."));
        http.Response.Headers.ETag = $"\"{file.Sha256}\"";
        http.Response.Headers["X-Content-SHA256"] = file.Sha256;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, file.ContentType, file.FileName);
    }
}
