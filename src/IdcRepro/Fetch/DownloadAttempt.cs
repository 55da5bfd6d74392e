using System.Net;
using System.Net.Http.Headers;
using IdcRepro.Pipeline;

namespace IdcRepro.Fetch;

/// <summary>
/// One try at completing a partial download. A partial whose version is remembered (see
/// <see cref="DownloadValidator"/>) is resumed: the request asks for the bytes after those on disk (<c>Range:
/// bytes=N-</c>) of that version only (<c>If-Range</c>), and a 206 is appended only when it carries the same validator
/// and starts at N. Anything else starts over from byte 0: a 200 (the file changed, or the server ignores ranges), a
/// 206 of another version or offset, a partial with no remembered version. Throws a transient exception (see
/// <see cref="DownloadRetry.IsTransient(Exception)"/>) when the connection drops or stays silent too long, and a
/// <see cref="StageException"/> when asking again would not help.
/// </summary>
internal static class DownloadAttempt
{
    private const int BufferSize = 1 << 16;

    private enum Outcome { Complete, StartOver }

    public static async Task RunAsync(DownloadJob job, int attempt, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            if (await ResumeAsync(job, attempt, idle, ct) == Outcome.Complete) return;
            job.Discard();
            // Without a Range header there is nothing left for the server to disagree with.
            if (await ResumeAsync(job, attempt, idle, ct) == Outcome.Complete) return;
            throw new StageException(
                $"Downloading {job.Url}: asked for the whole file, the server answered with a part of it. "
                + "It does not serve this archive properly; check data.url, or download the archive " +
                    $"yourself. {OfflineCopy.Advice(job.Url)}");
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{job.Url} sent nothing for {job.IdleTimeout.TotalSeconds:0} s", e);
        }
    }

    private static async Task<Outcome> ResumeAsync(DownloadJob job, int attempt, CancellationTokenSource idle,
        CancellationToken ct)
    {
        var validator = job.Validator;
        // no way to tell whether the server still has the file these bytes came from
        if (validator is null) job.Discard();
        var offset = job.Kept;
        using var request = new HttpRequestMessage(HttpMethod.Get, job.Url);
        if (validator is not null)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            validator.AddIfRange(request);
        }

        idle.CancelAfter(job.IdleTimeout);
        using var response = await job.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token);
        var range = response.Content.Headers.ContentRange;
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                // The whole file: what was asked for, or the file changed (If-Range), or the server ignores ranges.
                await ReceiveAsync(job, response, 0, response.Content.Headers.ContentLength, attempt, idle, ct);
                return Outcome.Complete;
            case HttpStatusCode.PartialContent when validator is not null && validator.Matches(response)
                && range is { HasRange: true } && range.From == offset:
                await ReceiveAsync(job, response, offset, range.Length, attempt, idle, ct);
                return Outcome.Complete;
            case HttpStatusCode.PartialContent:
                // Another version (a server that disregards If-Range), another offset, or a part nobody asked for.
                return Outcome.StartOver;
            case HttpStatusCode.RequestedRangeNotSatisfiable when validator is not null:
                // Nothing after byte N of the same version: the partial is complete if the server's length says so;
                // otherwise it is longer than the archive now is.
                if (range is not { HasLength: true } || range.Length != offset || validator.Contradicts(response))
                    return Outcome.StartOver;
                job.Progress?.Report(new DownloadProgress(offset, offset, attempt));
                return Outcome.Complete;
            default:
                throw Failure(job.Url, response);
        }
    }

    private static async Task ReceiveAsync(DownloadJob job, HttpResponseMessage response, long offset, long? total,
        int attempt, CancellationTokenSource idle, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(idle.Token);
        job.Progress?.Report(new DownloadProgress(offset, total, attempt));
        if (offset == 0)
        {
            // A fresh start: the old bytes and their version go first, then this version is remembered before any byte
            // of it is written, so a partial on disk is always described by its own validator (or by none).
            job.Discard();
            DownloadValidator.Of(response)?.Write(job.ValidatorPath);
        }
        await using var file = new FileStream(job.PartialPath, offset == 0 ? FileMode.Create : FileMode.Append,
            FileAccess.Write, FileShare.Read, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        var done = offset;
        WriteFaults.Check(job.PartialPath);
        while (true)
        {
            idle.CancelAfter(job.IdleTimeout);
            var read = await body.ReadAsync(buffer, idle.Token);
            if (read == 0) break;
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            done += read;
            job.Progress?.Report(new DownloadProgress(done, total, attempt));
        }
        if (total is { } expected && done != expected)
            throw new IOException($"the connection closed after {done:N0} of {expected:N0} bytes");
    }

    private static Exception Failure(Uri url, HttpResponseMessage response)
    {
        var answer = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        return DownloadRetry.IsTransient(response.StatusCode)
            ? new HttpRequestException($"{url} answered {answer}", null, response.StatusCode)
            : new StageException(
                $"Downloading {url} failed: the server answered {answer}. Asking again would get the same answer, " +
                "so it is not retried. "
                + "Check data.url (does it open in a browser?), or download the archive " +
                    $"yourself. {OfflineCopy.Advice(url)}");
    }
}
