using IdcRepro.Config;
using IdcRepro.Pipeline;

namespace IdcRepro.Fetch;

/// <summary>
/// Downloads an archive over http(s) into <c>&lt;destination&gt;.partial</c>, resuming what an earlier attempt or
/// run left there only when the server still has the same version of it (see <see cref="DownloadValidator"/>),
/// retrying transient failures with exponential backoff, and publishing it under <c>destination</c> only once it
/// opens as a zip and its SHA-256 checks out (see <see cref="ArchiveHash"/>).
/// </summary>
public static class HttpDownloader
{
    public static string PartialPath(string destination) => destination + ".partial";

    /// <summary>Where the version of the partial download is remembered (its server's ETag or Last-Modified).</summary>
    public static string ValidatorPath(string destination) => DownloadValidator.PathFor(PartialPath(destination));

    /// <summary>
    /// Brings <paramref name="url"/> to <paramref name="destination"/> and returns its lowercase hex SHA-256.
    /// Failures the user must act on are <see cref="StageException"/>s whose message names the address and what to do.
    /// </summary>
    /// <param name="client">Used as is; its own <see cref="HttpClient.Timeout"/> covers only the wait for response
    /// headers.</param>
    /// <param name="expectedSha256">The pinned hash (<c>data.sha256</c>), or null to check against (or record) the
    /// sidecar.</param>
    /// <param name="retryBaseDelay">The delay before the first retry, doubling after each; 1 s unless given (tests pass
    /// less).</param>
    public static async Task<string> DownloadAsync(HttpClient client, Uri url, string destination,
        string? expectedSha256, DownloadConfig config,
        IProgress<DownloadProgress>? progress, CancellationToken ct, TimeSpan? retryBaseDelay = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(config);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{url}' is not an http:// or https:// address", nameof(url));

        destination = Path.GetFullPath(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var sizes = new SizeWatch(progress);
        var job =
            new DownloadJob(client, url, PartialPath(destination), TimeSpan.FromSeconds(config.TimeoutSeconds), sizes);
        var pipeline = DownloadRetry.Pipeline(config, retryBaseDelay ?? TimeSpan.FromSeconds(1));
        var attempts = 0;
        try
        {
            await pipeline.ExecuteAsync(async token => await DownloadAttempt.RunAsync(job, ++attempts, token), ct);
        }
        catch (IOException e) when (WriteFailure.IsDiskFull(e))
        {
            var kept = job.Kept;
            var needed = sizes.Total is { } total && total > kept ? $"it needs {WriteFailure.Size(total - kept)} more"
                : null;
            throw WriteFailure.In(Path.GetDirectoryName(destination)!, Path.GetFileName(destination), e, needed,
                job.Validator is not null && kept > 0
                    ? $"the {kept:N0} bytes received so far are kept in {job.PartialPath} and the download resumes " +
                        "from there"
                    : "the download starts from the beginning");
        }
        catch (Exception e) when (DownloadRetry.IsTransient(e))
        {
            throw new StageException(
                $"Downloading {url} failed after {attempts} " +
                $"attempt(s): {e.Message.TrimEnd('.')}. {WhatARerunDoes(job)} "
                + "If it keeps failing, check data.url and the connection, or raise data.download.retries / " +
                    $"data.download.timeout_seconds. {OfflineCopy.Advice(url)}");
        }
        try
        {
            return ArchiveHash.Publish(url, job.PartialPath, destination, expectedSha256);
        }
        finally
        {
            // Published or deleted: the version of a partial that is gone means nothing any more.
            if (!File.Exists(job.PartialPath)) File.Delete(job.ValidatorPath);
        }
    }

    private static string WhatARerunDoes(DownloadJob job)
    {
        var kept = job.Kept;
        if (kept == 0) return "Rerun to try again.";
        return job.Validator is null
            ? $"The server sent no ETag or Last-Modified, so the {kept:N0} bytes received cannot be resumed safely; " +
                "a rerun starts over."
            : $"The {kept:N0} bytes received so far are kept in {job.PartialPath}; rerun to resume.";
    }

    /// <summary>Passes progress on and remembers the archive's size, for the room a full disk would need.</summary>
    private sealed class SizeWatch(IProgress<DownloadProgress>? inner) : IProgress<DownloadProgress>
    {
        public long? Total { get; private set; }

        public void Report(DownloadProgress value)
        {
            Total = value.BytesTotal ?? Total;
            inner?.Report(value);
        }
    }
}
