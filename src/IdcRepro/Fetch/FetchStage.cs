using System.Text.Json;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Pipeline;
using IdcRepro.Synthetic;
using Spectre.Console;

namespace IdcRepro.Fetch;

/// <summary>
/// Fetch: makes the dataset available as a zip or folder in the original layout and records its content hash
/// (dataset.json). Zips are checked (not truncated, no entry escaping its folder) and read in place later, never
/// extracted. A local zip or folder is in Fetch's key by content; a downloaded archive is checked against the hash
/// dataset.json records whenever the output is used, so a dataset that changed underneath is never read as the old one.
/// </summary>
public static class FetchStage
{
    public const string DatasetFile = "dataset.json";

    /// <summary>The dataset an earlier Fetch recorded (its path absolute).</summary>
    public static DatasetLocation Read(string directory)
    {
        var location = JsonSerializer.Deserialize<DatasetLocation>(
            File.ReadAllText(Path.Combine(directory, DatasetFile)), Stamp.Json)!;
        return location with { Path = Path.GetFullPath(Path.Combine(directory, location.Path)) };
    }

    /// <summary>
    /// Whether the dataset a Fetch output points at still has the content it recorded; null when it does.
    /// </summary>
    public static string? DatasetChanged(string directory, ContentHasher hashes)
    {
        if (!File.Exists(Path.Combine(directory, DatasetFile))) return null; // the output check names the missing file
        var location = Read(directory);
        var now = location.Kind == DatasetKind.Zip
            ? hashes.File(location.Path)
            : Directory.Exists(location.Path) ? hashes.Folder(location.Path) : null;
        return now is null ? $"the dataset {location.Path} is gone"
            : now != location.Sha256 ? $"the dataset {location.Path} changed since it was fetched" : null;
    }

    public static StageProducts Produce(StageRun run)
    {
        var data = run.Section<DataConfig>();
        var location = data.Source switch
        {
            DataSourceKind.Synthetic => Synthetic(run, data.Synthetic),
            DataSourceKind.Zip => CheckedZip(run, data.Path!, data.Sha256),
            DataSourceKind.Directory =>
                new DatasetLocation(DatasetKind.Directory, data.Path!, run.Hashes.Folder(data.Path!)),
            DataSourceKind.Url => Downloaded(run, data),
            _ => throw new ArgumentOutOfRangeException(nameof(run), data.Source, "unknown data source"),
        };
        AtomicFile.WriteAllText(Path.Combine(run.Work, DatasetFile), JsonSerializer.Serialize(location, Stamp.Json));
        return new StageProducts(new Dictionary<string, object>
        {
            ["dataset_sha256"] = location.Sha256,
            ["dataset_kind"] = location.Kind.ToString().ToLowerInvariant(),
        });
    }

    private static DatasetLocation Synthetic(StageRun run, SyntheticConfig synthetic)
    {
        const string fileName = "synthetic.zip";
        var summary = run.Console.Progress().Start(p =>
        {
            var task = p.AddTask("Fetch: generating synthetic patches");
            task.MaxValue = synthetic.Patients * synthetic.GridColumns * synthetic.GridRows;
            var written = SyntheticDataset.WriteZip(synthetic, Path.Combine(run.Work, fileName),
                new Progress<int>(n => task.Value = n));
            task.MaxValue = task.Value = written.Patches; // the regions cover only part of the grid
            return written;
        });
        run.Console.MarkupLineInterpolated(
            $"Fetch: synthetic dataset of {summary.Patches:N0} patches from {summary.Patients} patients");
        // Relative: the work folder is renamed into place after this returns.
        return new DatasetLocation(DatasetKind.Zip, fileName, Hashing.FileSha256(Path.Combine(run.Work, fileName)));
    }

    private static DatasetLocation CheckedZip(StageRun run, string path, string? pinned)
    {
        if (!File.Exists(path))
            throw new StageException(
                $"data.path: {path} does not exist. Point data.path at the dataset zip (e.g. --set " +
                "data.path=../shared/data/idc-sample.zip).");
        var count = ZipDatasetCheck.Validate(path);
        var sha = run.Hashes.File(path)!; // hashed for the key already: remembered
        if (pinned is not null && !string.Equals(pinned, sha, StringComparison.OrdinalIgnoreCase))
            throw new StageException(
                $"data.path: {path} has SHA-256 {sha}, but data.sha256 pins {pinned}. Use the right file, or " +
                "correct data.sha256.");
        run.Console.MarkupLineInterpolated($"Fetch: {path} holds {count:N0} PNG entries");
        return new DatasetLocation(DatasetKind.Zip, path, sha);
    }

    private static DatasetLocation Downloaded(StageRun run, DataConfig data)
    {
        var url = new Uri(data.Url!);
        var fileName = Path.GetFileName(url.AbsolutePath) is { Length: > 0 } n ? n : "dataset.zip";
        var destination = Path.Combine(run.Layout.Downloads, fileName);
        Directory.CreateDirectory(run.Layout.Downloads);
        if (File.Exists(destination))
        {
            // Downloaded before: checked against the pinned or recorded hash and as a zip; a damaged copy is downloaded
            // again.
            var existing = ArchiveHash.CheckExisting(destination, data.Sha256, p => run.Hashes.File(p)!);
            if (existing.Sha256 is { } sha) return Announce(run, destination, sha);
            var damaged = $"the cached download {destination} was damaged ({existing.Damage})";
            run.Console.MarkupLineInterpolated($"[yellow]Fetch: {damaged}; it was deleted and is downloaded again[/]");
        }
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var downloaded = run.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(p =>
            {
                var task = p.AddTask($"Fetch: downloading {fileName}", maxValue: 1);
                var progress = new Progress<DownloadProgress>(d =>
                {
                    if (d.BytesTotal is { } total) task.MaxValue = total;
                    task.Value = d.BytesDone;
                });
                return HttpDownloader.DownloadAsync(client, url, destination, data.Sha256, data.Download, progress,
                    run.Cancellation)
                    .GetAwaiter().GetResult();
            });
        return Announce(run, destination, downloaded);
    }

    private static DatasetLocation Announce(StageRun run, string archive, string sha)
    {
        var count = ZipDatasetCheck.Validate(archive);
        run.Hashes.File(archive); // remember it, so the output check costs a stat
        run.Console.MarkupLineInterpolated(
            $"Fetch: {archive} holds {count:N0} PNG entries; SHA-256 {sha} (pin it with data.sha256)");
        return new DatasetLocation(DatasetKind.Zip, archive, sha);
    }
}
