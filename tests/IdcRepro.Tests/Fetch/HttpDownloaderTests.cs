using IdcRepro.Tests.TestSupport;
using IdcRepro.Config;
using IdcRepro.Fetch;
using IdcRepro.Pipeline;

namespace IdcRepro.Tests.Fetch;

public sealed class HttpDownloaderTests : IDisposable
{
    private static readonly byte[] Archive = ArchiveBytes(200_000);
    private static readonly string ArchiveSha256 = Hashing.Sha256Hex(Archive);
    private static readonly DownloadConfig QuickRetries = new() { Retries = 3, TimeoutSeconds = 1 };
    private static readonly TimeSpan TinyDelay = TimeSpan.FromMilliseconds(1);

    private readonly TempFolder temp = new();
    private readonly HttpClient client = new();

    private string Destination => temp.PathOf("idc.zip");
    private string Partial => HttpDownloader.PartialPath(Destination);
    private string Sidecar => ArchiveHash.SidecarPath(Destination);

    public void Dispose()
    {
        client.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task A_full_download_returns_the_hash_writes_the_sidecar_and_leaves_no_partial()
    {
        await using var server = new LoopbackHttpServer(Archive);

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(Archive, File.ReadAllBytes(Destination));
        Assert.StartsWith(ArchiveSha256 + "  idc.zip", File.ReadAllText(Sidecar));
        Assert.False(File.Exists(Partial));
        Assert.Null(Assert.Single(server.Requests).Range);
    }

    [Fact]
    public async Task An_interrupted_download_resumes_where_it_stopped()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { CutFirstResponseAfter = 70_000 });

        var progress = new List<DownloadProgress>();
        var hash = await Download(server, progress: new SynchronousProgress(progress));

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("bytes=70000-", server.Requests[1].Range);
        Assert.Equal(206, server.Requests[1].Status);
        Assert.Equal(Archive.Length, server.BytesServed);
        Assert.Equal(new DownloadProgress(Archive.Length, Archive.Length, Attempt: 2), progress[^1]);
    }

    [Fact]
    public async Task A_later_call_resumes_the_partial_an_earlier_run_left()
    {
        await using var server = new LoopbackHttpServer(Archive);
        File.WriteAllBytes(Partial, Archive[..120_000]);

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(120_000, Assert.Single(server.Requests).RangeStart);
        Assert.Equal(Archive.Length - 120_000, server.BytesServed);
    }

    [Fact]
    public async Task A_complete_partial_answered_416_is_done()
    {
        await using var server = new LoopbackHttpServer(Archive);
        File.WriteAllBytes(Partial, Archive);

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(416, Assert.Single(server.Requests).Status);
    }

    [Fact]
    public async Task A_partial_longer_than_the_archive_starts_over()
    {
        await using var server = new LoopbackHttpServer(Archive);
        File.WriteAllBytes(Partial, [.. Archive, .. Archive[..1_000]]);

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal([416, 200], server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Cancelling_keeps_the_partial_for_later()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { StallFirstResponseAfter = 50_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            HttpDownloader.DownloadAsync(client, server.Url, Destination, null, QuickRetries with { TimeoutSeconds = 10 }, null, cancel.Token, TinyDelay));

        Assert.Single(server.Requests);
        Assert.Equal(50_000, new FileInfo(Partial).Length);
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task A_stalled_transfer_is_abandoned_and_resumed()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { StallFirstResponseAfter = 50_000 });

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(50_000, server.Requests[1].RangeStart);
    }

    [Fact]
    public async Task A_server_ignoring_range_restarts_cleanly()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { CutFirstResponseAfter = 70_000, IgnoreRange = true });

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(Archive, File.ReadAllBytes(Destination));
        Assert.Equal("bytes=70000-", server.Requests[1].Range);
        Assert.Equal(200, server.Requests[1].Status);
    }

    [Fact]
    public async Task A_partial_answer_from_the_wrong_offset_restarts_from_zero()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { RangeFromStart = true });
        File.WriteAllBytes(Partial, Archive[..120_000]);

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal([120_000, null], server.Requests.Select(r => r.RangeStart));
    }

    [Fact]
    public async Task A_wrong_pinned_hash_fails_naming_the_url_and_deletes_the_partial()
    {
        await using var server = new LoopbackHttpServer(Archive);
        var pinned = new string('a', 64);

        var e = await Assert.ThrowsAsync<StageException>(() => Download(server, pinned));

        Assert.Contains(server.Url.ToString(), e.Message);
        Assert.Contains(pinned, e.Message);
        Assert.Contains(ArchiveSha256, e.Message);
        Assert.Contains("data.sha256", e.Message);
        Assert.False(File.Exists(Partial));
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task A_right_pinned_hash_succeeds_without_a_sidecar()
    {
        await using var server = new LoopbackHttpServer(Archive);

        var hash = await Download(server, ArchiveSha256.ToUpperInvariant());

        Assert.Equal(ArchiveSha256, hash);
        Assert.False(File.Exists(Sidecar));
    }

    [Fact]
    public async Task A_recorded_hash_that_no_longer_matches_fails()
    {
        await using var server = new LoopbackHttpServer(Archive);
        var recorded = new string('b', 64);
        File.WriteAllText(Sidecar, $"{recorded}  idc.zip\n");

        var e = await Assert.ThrowsAsync<StageException>(() => Download(server));

        Assert.Contains(server.Url.ToString(), e.Message);
        Assert.Contains(recorded, e.Message);
        Assert.Contains(Sidecar, e.Message);
        Assert.False(File.Exists(Partial));
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task Not_found_fails_at_once_without_retries()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { AlwaysStatus = 404 });

        var e = await Assert.ThrowsAsync<StageException>(() => Download(server));

        Assert.Contains(server.Url.ToString(), e.Message);
        Assert.Contains("404", e.Message);
        Assert.Contains("data.url", e.Message);
        Assert.Contains(OfflineAdvice, e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_it_answers()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { ServerErrorsFirst = 2 });

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal([500, 500, 200], server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Retries_run_out_with_a_message_naming_the_url()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { ServerErrorsFirst = 100 });

        var e = await Assert.ThrowsAsync<StageException>(() => Download(server, config: QuickRetries with { Retries = 2 }));

        Assert.Contains(server.Url.ToString(), e.Message);
        Assert.Contains("3 attempt(s)", e.Message);
        Assert.Contains(OfflineAdvice, e.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_full_disk_is_not_retried_and_says_how_much_room_the_download_needs()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript());

        WriteFailedException e;
        using (WriteFaults.DiskFullUnder(temp.Path))
            e = await Assert.ThrowsAsync<WriteFailedException>(() => Download(server));

        Assert.StartsWith($"no space left on the disk of {temp.Path} to write idc.zip: it needs 200 kB more, ", e.Message);
        Assert.Contains($"then rerun (the 0 bytes received so far are kept in {Partial} and the download resumes from there).", e.Message);
        Assert.Single(server.Requests);
    }

    /// <summary>Every failed download names the way to work from a local copy instead.</summary>
    private const string OfflineAdvice = "--set data.source=zip --set data.path=<local copy of IDC_regular_ps50_idx5.zip>";

    private Task<string> Download(LoopbackHttpServer server, string? pinned = null, DownloadConfig? config = null, IProgress<DownloadProgress>? progress = null) =>
        HttpDownloader.DownloadAsync(client, server.Url, Destination, pinned, config ?? QuickRetries, progress, CancellationToken.None, TinyDelay);

    private static byte[] ArchiveBytes(int length)
    {
        var bytes = new byte[length];
        new Random(20_240_501).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Records progress on the reporting thread (<see cref="Progress{T}"/> would post it elsewhere, later).</summary>
    private sealed class SynchronousProgress(List<DownloadProgress> reports) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => reports.Add(value);
    }
}
