using IdcRepro.Fetch;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Fetch;

public sealed class FetchStageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string ZipConfig(string zip) => _temp.File("zip.yaml", $"name: z\ndata:\n  source: zip\n  path: {zip}\n");

    [Fact]
    public void Zip_with_an_entry_that_escapes_its_folder_is_refused_naming_it()
    {
        var zip = TinyDataset.WriteZip(_temp.PathOf("evil.zip"), [.. TinyDataset.Names("1"), "../../etc/evil.png"]);
        var e = Assert.Throws<StageException>(() => new TestRun(ZipConfig(zip), _temp.PathOf("a")).Stage(Graph.Fetch));
        Assert.Contains("../../etc/evil.png", e.Message);
    }

    [Fact]
    public void Truncated_zip_is_refused_naming_the_file()
    {
        var whole = File.ReadAllBytes(TinyDataset.WriteZip(_temp.PathOf("whole.zip"), TinyDataset.Names("1", "2")));
        var cut = _temp.PathOf("cut.zip");
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);
        var e = Assert.Throws<StageException>(() => new TestRun(ZipConfig(cut), _temp.PathOf("a")).Stage(Graph.Fetch));
        Assert.Contains("cut.zip", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Pinned_hash_that_does_not_match_is_refused()
    {
        var zip = TinyDataset.WriteZip(_temp.PathOf("d.zip"), TinyDataset.Names("1"));
        var config = _temp.File("pin.yaml",
            $"name: z\ndata:\n  source: zip\n  path: {zip}\n  sha256: {new string('0', 64)}\n");
        var e = Assert.Throws<StageException>(() => new TestRun(config, _temp.PathOf("a")).Stage(Graph.Fetch));
        Assert.Contains("data.sha256 pins", e.Message);
    }

    [Fact]
    public void Directory_source_is_indexed_like_a_zip()
    {
        foreach (var name in TinyDataset.Names("7", "8"))
            File.WriteAllBytes(_temp.File("data/" + name), TinyDataset.Png());
        var config = _temp.File("dir.yaml", $"name: d\ndata:\n  source: directory\n  path: {_temp.PathOf("data")}\n");
        var index = new TestRun(config, _temp.PathOf("a")).Stage(Graph.Index);
        Assert.Equal(8, index.Stamp.Fact<int>("patches"));
        Assert.Equal(2, index.Stamp.Fact<int>("class1"));
        // a folder source is up to date too
        Assert.False(new TestRun(config, _temp.PathOf("a")).Stage(Graph.Fetch).Ran);
    }

    [Fact]
    public async Task Url_source_downloads_resumes_checks_the_hash_and_is_then_up_to_date()
    {
        var bytes = File.ReadAllBytes(
            TinyDataset.WriteZip(_temp.PathOf("served.zip"), TinyDataset.Names("10", "11", "12")));
        await using var server = new LoopbackHttpServer(bytes,
            new ServerScript { CutFirstResponseAfter = bytes.Length / 3 });
        var config = _temp.File("url.yaml", $"name: u\ndata:\n  source: url\n  url: {server.Url}\n" +
            "  download:\n    retries: 3\n    timeout_seconds: 5\n");
        var artifacts = _temp.PathOf("a");

        var run = new TestRun(config, artifacts);
        var fetched = run.Stage(Graph.Fetch);
        Assert.True(fetched.Ran);
        Assert.Equal(2, server.Requests.Count);                          // cut once, then resumed
        Assert.Equal(bytes.Length, server.BytesServed);                 // nothing fetched twice
        Assert.Equal(Hashing.Sha256Hex(bytes), fetched.Stamp.Fact<string>("dataset_sha256"));
        // to pin, right after the download
        Assert.Contains($"SHA-256 {Hashing.Sha256Hex(bytes)} (pin it with data.sha256)", run.Output);
        Assert.True(File.Exists(
            ArchiveHash.SidecarPath(Path.Combine(artifacts, "downloads", "IDC_regular_ps50_idx5.zip"))));
        Assert.Equal(12, run.Stage(Graph.Index).Stamp.Fact<int>("patches"));

        Assert.False(new TestRun(config, artifacts).Stage(Graph.Fetch).Ran);
        // With the cache cleaned but the download kept, Fetch checks the archive it has instead of downloading again.
        Directory.Delete(Path.Combine(artifacts, "cache"), recursive: true);
        Assert.True(new TestRun(config, artifacts).Stage(Graph.Fetch).Ran);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_downloaded_archive_that_changed_underneath_is_downloaded_again_and_everything_after_it_reruns()
    {
        var bytes = File.ReadAllBytes(TinyDataset.WriteZip(_temp.PathOf("served.zip"), TinyDataset.Names("10")));
        await using var server = new LoopbackHttpServer(bytes);
        var config = _temp.File("url.yaml", $"name: u\ndata:\n  source: url\n  url: {server.Url}\n");
        var artifacts = _temp.PathOf("a");
        new TestRun(config, artifacts).Stage(Graph.Index);

        // Same name, same size class, other content: the downloaded copy was replaced or damaged.
        var archive = Path.Combine(artifacts, "downloads", "IDC_regular_ps50_idx5.zip");
        File.WriteAllBytes(archive,
            File.ReadAllBytes(TinyDataset.WriteZip(_temp.PathOf("other.zip"), TinyDataset.Names("99"))));
        var again = new TestRun(config, artifacts);
        var fetched = again.Stage(Graph.Fetch);

        Assert.True(fetched.Ran);
        Assert.Contains("damaged", again.Output);
        Assert.Equal(2, server.Requests.Count);                        // downloaded again, never trusted
        Assert.Equal(bytes, File.ReadAllBytes(archive));
        Assert.Equal(Hashing.Sha256Hex(bytes), fetched.Stamp.Fact<string>("dataset_sha256"));
    }

    [Fact]
    public async Task A_truncated_download_is_an_error_that_records_nothing_and_a_rerun_on_a_fixed_server_downloads()
    {
        var bytes = File.ReadAllBytes(TinyDataset.WriteZip(_temp.PathOf("served.zip"), TinyDataset.Names("10", "11")));
        await using var server = new LoopbackHttpServer(bytes,
            new ServerScript { TruncateContentTo = bytes.Length / 2 });
        var config = UrlConfig(server);
        var artifacts = _temp.PathOf("a");
        var archive = DownloadedArchive(artifacts);

        var e = Assert.Throws<StageException>(() => new TestRun(config, artifacts).Stage(Graph.Fetch));

        Assert.Contains(server.Url.ToString(), e.Message);
        Assert.Contains("is truncated or not a zip archive", e.Message);
        Assert.Contains("a rerun downloads it again", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        foreach (var path in new[] { archive, ArchiveHash.SidecarPath(archive), HttpDownloader.PartialPath(archive),
            HttpDownloader.ValidatorPath(archive) })
            Assert.False(File.Exists(path), path);
        // Asking again of a server that still serves the short file fails the same way: nothing was locked in.
        Assert.Throws<StageException>(() => new TestRun(config, artifacts).Stage(Graph.Fetch, force: true));

        server.Script = new ServerScript();
        var fetched = new TestRun(config, artifacts).Stage(Graph.Fetch);

        Assert.True(fetched.Ran);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(bytes, File.ReadAllBytes(archive));
        Assert.Equal(Hashing.Sha256Hex(bytes), fetched.Stamp.Fact<string>("dataset_sha256"));
        Assert.StartsWith(Hashing.Sha256Hex(bytes), File.ReadAllText(ArchiveHash.SidecarPath(archive)));
    }

    [Fact]
    public async Task A_damaged_earlier_download_of_the_same_size_is_downloaded_again()
    {
        var bytes = File.ReadAllBytes(TinyDataset.WriteZip(_temp.PathOf("served.zip"), TinyDataset.Names("10", "11")));
        await using var server = new LoopbackHttpServer(bytes);
        var config = UrlConfig(server);
        var artifacts = _temp.PathOf("a");
        var archive = DownloadedArchive(artifacts);
        new TestRun(config, artifacts).Stage(Graph.Fetch);

        using (var file = new FileStream(archive, FileMode.Open, FileAccess.Write))
        {
            file.Position = bytes.Length / 3; // in the middle: still a zip of the same size, other bytes
            file.Write([0xDE, 0xAD, 0xBE, 0xEF]);
        }
        var again = new TestRun(config, artifacts);
        var fetched = again.Stage(Graph.Fetch);

        Assert.True(fetched.Ran);
        Assert.Contains($"Fetch: the cached download {archive} was damaged (its SHA-256 is ", again.Output);
        Assert.Contains("it was deleted and is downloaded again", again.Output);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(bytes, File.ReadAllBytes(archive));
        Assert.Equal(Hashing.Sha256Hex(bytes), fetched.Stamp.Fact<string>("dataset_sha256"));
    }

    [Fact]
    public async Task A_truncated_archive_an_older_version_recorded_is_no_longer_locked_in()
    {
        // What the download used to leave: a short archive whose own hash was recorded as the reference.
        var bytes = File.ReadAllBytes(TinyDataset.WriteZip(_temp.PathOf("served.zip"), TinyDataset.Names("10", "11")));
        await using var server = new LoopbackHttpServer(bytes);
        var artifacts = _temp.PathOf("a");
        var archive = DownloadedArchive(artifacts);
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);
        File.WriteAllText(ArchiveHash.SidecarPath(archive),
            $"{Hashing.Sha256Hex(bytes[..(bytes.Length / 2)])}  {Path.GetFileName(archive)}\n");

        var run = new TestRun(UrlConfig(server), artifacts);
        var fetched = run.Stage(Graph.Fetch);

        Assert.Contains("was damaged (it is truncated or not a zip archive", run.Output);
        Assert.Equal(Hashing.Sha256Hex(bytes), fetched.Stamp.Fact<string>("dataset_sha256"));
        Assert.StartsWith(Hashing.Sha256Hex(bytes), File.ReadAllText(ArchiveHash.SidecarPath(archive)));
        Assert.Single(server.Requests);
    }

    private string UrlConfig(LoopbackHttpServer server) =>
        _temp.File("url.yaml", $"name: u\ndata:\n  source: url\n  url: {server.Url}\n" +
            "  download:\n    retries: 1\n    timeout_seconds: 5\n");

    private static string DownloadedArchive(string artifacts) =>
        Path.Combine(artifacts, "downloads", "IDC_regular_ps50_idx5.zip");
}
