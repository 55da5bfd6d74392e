using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Fetch;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Fetch;

public sealed class HttpDownloaderTests : IDisposable
{
    /// <summary>
    /// Two real zips of the same size and layout (four stored entries of random bytes), so a splice of them would still
    /// open as a zip.
    /// </summary>
    private static readonly byte[] Archive = ZipOf(seed: 20_240_501);
    private static readonly byte[] Other = ZipOf(seed: 20_240_601);
    private static readonly string ArchiveSha256 = Hashing.Sha256Hex(Archive);
    private static readonly string OtherSha256 = Hashing.Sha256Hex(Other);
    private static readonly DownloadConfig QuickRetries = new() { Retries = 3, TimeoutSeconds = 1 };
    private static readonly TimeSpan TinyDelay = TimeSpan.FromMilliseconds(1);

    private readonly TempFolder _temp = new();
    private readonly HttpClient _client = new();

    private string Destination => _temp.PathOf("idc.zip");
    private string Partial => HttpDownloader.PartialPath(Destination);
    private string Validator => HttpDownloader.ValidatorPath(Destination);
    private string Sidecar => ArchiveHash.SidecarPath(Destination);

    public void Dispose()
    {
        _client.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void The_two_served_archives_are_zips_of_one_size_whose_splice_is_a_zip_too()
    {
        // Why resuming needs a validator: neither the size nor the zip check tells a splice from either file.
        Assert.Equal(Archive.Length, Other.Length);
        Assert.NotEqual(Archive, Other);
        var splice = _temp.PathOf("splice.zip");
        File.WriteAllBytes(splice, [.. Archive[..70_000], .. Other[70_000..]]);
        Assert.Equal(4, ZipDatasetCheck.Validate(splice));
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
        Assert.False(File.Exists(Validator));
        var request = Assert.Single(server.Requests);
        Assert.Null(request.Range);
        Assert.Null(request.IfRange);
    }

    [Fact]
    public async Task An_interrupted_download_resumes_where_it_stopped_for_the_same_file_only()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { CutFirstResponseAfter = 70_000 });

        var progress = new List<DownloadProgress>();
        var hash = await Download(server, progress: new SynchronousProgress(progress));

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(Archive, File.ReadAllBytes(Destination));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("bytes=70000-", server.Requests[1].Range);
        Assert.Equal(LoopbackHttpServer.ETagOf(Archive), server.Requests[1].IfRange);
        Assert.Equal(206, server.Requests[1].Status);
        Assert.Equal(Archive.Length, server.BytesServed);
        Assert.Equal(new DownloadProgress(Archive.Length, Archive.Length, Attempt: 2), progress[^1]);
        Assert.False(File.Exists(Validator));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_strong_etag_the_resume_names_the_last_modified_date(bool weakETag)
    {
        await using var server = new LoopbackHttpServer(Archive,
            new ServerScript { CutFirstResponseAfter = 70_000, SendETag = weakETag, WeakETag = weakETag });

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(LoopbackHttpServer.LastModifiedOf(Archive), server.Requests[1].IfRange);
        Assert.Equal(206, server.Requests[1].Status);
        Assert.Equal(Archive.Length, server.BytesServed);
    }

    [Fact]
    public async Task A_later_call_resumes_the_partial_an_earlier_run_left()
    {
        await using var server = new LoopbackHttpServer(Archive);
        LeavePartial(Archive[..120_000], LoopbackHttpServer.ETagOf(Archive));

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        var request = Assert.Single(server.Requests);
        Assert.Equal(120_000, request.RangeStart);
        Assert.Equal(LoopbackHttpServer.ETagOf(Archive), request.IfRange);
        Assert.Equal(Archive.Length - 120_000, server.BytesServed);
    }

    [Fact]
    public async Task An_old_partial_with_no_remembered_version_is_never_resumed()
    {
        await using var server = new LoopbackHttpServer(Archive);
        File.WriteAllBytes(Partial, Other[..120_000]); // left by an older build, or by a server that gave no validator

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(Archive, File.ReadAllBytes(Destination));
        var request = Assert.Single(server.Requests);
        Assert.Null(request.Range);
        Assert.Equal(Archive.Length, server.BytesServed);
    }

    [Fact]
    public async Task A_partial_of_a_version_the_server_no_longer_has_is_replaced_by_the_new_file()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { OtherContent = Other });
        LeavePartial(Archive[..120_000], LoopbackHttpServer.ETagOf(Archive));

        var hash = await Download(server);

        Assert.Equal(OtherSha256, hash);
        Assert.Equal(Other, File.ReadAllBytes(Destination));
        var request = Assert.Single(server.Requests);
        Assert.Equal((120_000L, 200), (request.RangeStart!.Value, request.Status));
    }

    [Fact]
    public async Task A_file_that_changed_on_the_server_between_attempts_is_downloaded_again_never_spliced()
    {
        await using var server = new LoopbackHttpServer(Archive,
            new ServerScript { CutFirstResponseAfter = 70_000, OtherContent = Other, OtherContentFromRequest = 2 });

        var hash = await Download(server);

        Assert.Equal(OtherSha256, hash);
        Assert.Equal(Other, File.ReadAllBytes(Destination));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("bytes=70000-", server.Requests[1].Range);
        Assert.Equal(LoopbackHttpServer.ETagOf(Archive), server.Requests[1].IfRange);
        Assert.Equal(200, server.Requests[1].Status); // If-Range named the old file: the whole new one came back
        Assert.Equal(Other.Length, server.Requests[1].BodyBytes);
        Assert.False(File.Exists(Validator));
    }

    [Fact]
    public async Task A_server_answering_part_of_another_file_despite_if_range_is_caught_and_the_download_starts_over()
    {
        await using var server = new LoopbackHttpServer(Archive,
            new ServerScript
            {
                CutFirstResponseAfter = 70_000, OtherContent = Other, OtherContentFromRequest = 2, IgnoreIfRange = true
            });

        var hash = await Download(server);

        Assert.Equal(OtherSha256, hash);
        Assert.Equal(Other, File.ReadAllBytes(Destination));
        Assert.Equal([200, 206, 200], server.Requests.Select(r => r.Status));
        Assert.Equal(LoopbackHttpServer.ETagOf(Other), server.Requests[1].FileETag); // the 206 was of the other file
        Assert.Null(server.Requests[2].Range);
    }

    [Fact]
    public async Task Without_validators_an_interrupted_download_starts_over_instead_of_resuming()
    {
        await using var server = new LoopbackHttpServer(Archive,
            new ServerScript { CutFirstResponseAfter = 70_000, SendETag = false, SendLastModified = false });

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(Archive, File.ReadAllBytes(Destination));
        Assert.Equal(2, server.Requests.Count);
        Assert.Null(server.Requests[1].Range);
        Assert.Null(server.Requests[1].IfRange);
        Assert.Equal(70_000 + Archive.Length, server.BytesServed);
    }

    [Fact]
    public async Task A_failure_says_whether_a_rerun_resumes_or_starts_over()
    {
        var once = QuickRetries with { Retries = 0 };
        await using (var server = new LoopbackHttpServer(Archive, new ServerScript { CutFirstResponseAfter = 70_000 }))
        {
            var e = await Assert.ThrowsAsync<StageException>(() => Download(server, config: once));
            Assert.Contains($"The 70,000 bytes received so far are kept in {Partial}; rerun to resume.", e.Message);
            AssertOneLine(e);
        }
        File.Delete(Partial);
        File.Delete(Validator);
        await using (var server = new LoopbackHttpServer(Archive,
            new ServerScript { CutFirstResponseAfter = 70_000, SendETag = false, SendLastModified = false }))
        {
            var e = await Assert.ThrowsAsync<StageException>(() => Download(server, config: once));
            Assert.Contains("The server sent no ETag or Last-Modified, so the 70,000 bytes received cannot be " +
                "resumed safely; a rerun starts over.", e.Message);
            AssertOneLine(e);
        }
    }

    [Fact]
    public async Task A_complete_partial_answered_416_is_done()
    {
        await using var server = new LoopbackHttpServer(Archive);
        LeavePartial(Archive, LoopbackHttpServer.ETagOf(Archive));

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal(416, Assert.Single(server.Requests).Status);
    }

    [Fact]
    public async Task A_partial_longer_than_the_archive_starts_over()
    {
        await using var server = new LoopbackHttpServer(Archive);
        LeavePartial([.. Archive, .. Archive[..1_000]], LoopbackHttpServer.ETagOf(Archive));

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal([416, 200], server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Cancelling_keeps_the_partial_and_its_version_for_later()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript { StallFirstResponseAfter = 50_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            HttpDownloader.DownloadAsync(_client, server.Url, Destination, null,
                QuickRetries with { TimeoutSeconds = 10 }, null, cancel.Token, TinyDelay));

        Assert.Single(server.Requests);
        Assert.Equal(50_000, new FileInfo(Partial).Length);
        Assert.Equal($"ETag: {LoopbackHttpServer.ETagOf(Archive)}\n", File.ReadAllText(Validator));
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
        await using var server = new LoopbackHttpServer(Archive,
            new ServerScript { CutFirstResponseAfter = 70_000, IgnoreRange = true });

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
        LeavePartial(Archive[..120_000], LoopbackHttpServer.ETagOf(Archive));

        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Equal([120_000, null], server.Requests.Select(r => r.RangeStart));
    }

    [Fact]
    public async Task A_truncated_archive_is_deleted_not_recorded_and_downloaded_again_once_the_server_is_fixed()
    {
        await using var server = new LoopbackHttpServer(Archive,
            new ServerScript { TruncateContentTo = Archive.Length / 2 });

        var e = await Assert.ThrowsAsync<StageException>(() => Download(server));

        Assert.StartsWith($"The archive downloaded from {server.Url} for {Destination} " +
            "is truncated or not a zip archive (", e.Message);
        Assert.Contains("The download was deleted and no hash was recorded, so a rerun downloads it again", e.Message);
        Assert.Contains("check data.url", e.Message);
        Assert.Contains(OfflineAdvice, e.Message);
        AssertOneLine(e);
        // a complete answer: the file itself was short
        Assert.Equal(Archive.Length / 2, Assert.Single(server.Requests).BodyBytes);
        foreach (var path in new[] { Destination, Partial, Validator, Sidecar }) Assert.False(File.Exists(path), path);

        server.Script = new ServerScript();
        var hash = await Download(server);

        Assert.Equal(ArchiveSha256, hash);
        Assert.Null(server.Requests[1].Range);
        Assert.StartsWith(ArchiveSha256, File.ReadAllText(Sidecar));
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused_even_when_its_hash_is_pinned()
    {
        var page = "<html>Please log in</html>"u8.ToArray();
        await using var server = new LoopbackHttpServer(page);

        var e = await Assert.ThrowsAsync<StageException>(() => Download(server, Hashing.Sha256Hex(page)));

        Assert.Contains("is truncated or not a zip archive", e.Message);
        AssertOneLine(e);
        Assert.False(File.Exists(Destination));
        Assert.False(File.Exists(Partial));
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
        AssertOneLine(e);
        Assert.False(File.Exists(Partial));
        Assert.False(File.Exists(Validator));
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
        AssertOneLine(e);
        Assert.False(File.Exists(Partial));
        Assert.False(File.Exists(Validator));
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
        AssertOneLine(e);
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

        var e = await Assert.ThrowsAsync<StageException>(() =>
            Download(server, config: QuickRetries with { Retries = 2 }));

        Assert.Contains(server.Url.ToString(), e.Message);
        Assert.Contains("3 attempt(s)", e.Message);
        Assert.Contains(OfflineAdvice, e.Message);
        AssertOneLine(e);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_full_disk_is_not_retried_and_says_how_much_room_the_download_needs()
    {
        await using var server = new LoopbackHttpServer(Archive, new ServerScript());

        WriteFailedException e;
        using (WriteFaults.DiskFullUnder(_temp.Path))
            e = await Assert.ThrowsAsync<WriteFailedException>(() => Download(server));

        Assert.StartsWith($"no space left on the disk of {_temp.Path} to write idc.zip: " +
            $"it needs {WriteFailure.Size(Archive.Length)} more, ", e.Message);
        Assert.Contains("then rerun (the download starts from the beginning).", e.Message);
        Assert.Single(server.Requests);
    }

    /// <summary>Every failed download names the way to work from a local copy instead.</summary>
    private const string OfflineAdvice =
        "--set data.source=zip --set data.path=<local copy of IDC_regular_ps50_idx5.zip>";

    private Task<string> Download(LoopbackHttpServer server, string? pinned = null, DownloadConfig? config = null,
        IProgress<DownloadProgress>? progress = null) =>
        HttpDownloader.DownloadAsync(_client, server.Url, Destination, pinned, config ?? QuickRetries, progress,
            CancellationToken.None, TinyDelay);

    /// <summary>What an earlier run leaves: the bytes so far, and the ETag of the file they came from.</summary>
    private void LeavePartial(byte[] bytes, string etag)
    {
        File.WriteAllBytes(Partial, bytes);
        File.WriteAllText(Validator, $"ETag: {etag}\n");
    }

    private static void AssertOneLine(Exception e) => Assert.DoesNotContain('\n', e.Message);

    private static byte[] ZipOf(int seed)
    {
        var random = new Random(seed);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var patient = 1; patient <= 4; patient++)
            {
                var entry = zip.CreateEntry($"{patient}/0/{patient}_idx5_x1_y1_class0.png",
                    CompressionLevel.NoCompression);
                entry.LastWriteTime = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
                var bytes = new byte[50_000];
                random.NextBytes(bytes);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Records progress on the reporting thread (<see cref="Progress{T}"/> would post it elsewhere, later).
    /// </summary>
    private sealed class SynchronousProgress(List<DownloadProgress> reports) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => reports.Add(value);
    }
}
