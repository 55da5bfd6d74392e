using System.Text.Json;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Fetch;
using IdcRepro.Pipeline;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>
/// Fetch: makes the dataset available as a zip or folder in the original layout and records its content hash.
/// Zips are checked (not truncated, no entry escaping its folder) and read in place later, never extracted.
/// </summary>
public static class FetchStage
{
    public const string Name = "Fetch";
    public const int Version = 1;
    private const string DatasetFile = "dataset.json";

    public static StageKey KeyFor(RunContext ctx) => ctx.Key(Name, () => ComputeKey(ctx));

    private static StageKey ComputeKey(RunContext ctx)
    {
        var data = ctx.Config.Data;
        var inputs = new Dictionary<string, string>();
        if (data.Source == DataSourceKind.Zip) inputs["source"] = LocalSource.FileFingerprint(data.Path!);
        if (data.Source == DataSourceKind.Directory) inputs["source"] = LocalSource.DirectoryFingerprint(data.Path!);
        return StageKey.For(Name, Version, data, inputs);
    }

    public static StageResult Run(RunContext ctx)
    {
        var key = KeyFor(ctx);
        var force = ctx.Force || (ctx.Cache.Find(key) is not null && !DatasetPresent(ctx.Layout.StageDirectory(key)));
        return ctx.Cache.GetOrRun(key, force, work =>
        {
            var location = Produce(ctx, work);
            File.WriteAllText(Path.Combine(work, DatasetFile), JsonSerializer.Serialize(location, Stamp.Json));
            return new StageProducts(new Dictionary<string, object>
            {
                ["dataset_sha256"] = location.Sha256,
                ["dataset_kind"] = location.Kind.ToString().ToLowerInvariant(),
            });
        });
    }

    /// <summary>The dataset an earlier Fetch made for this config.</summary>
    public static DatasetLocation Require(RunContext ctx)
    {
        var result = ctx.Require(KeyFor(ctx));
        var location = Read(result.Directory);
        if (!DatasetPresent(result.Directory))
            throw new StageException($"Fetch: the dataset {location.Path} is gone. Rerun Fetch (./build.sh --target Fetch).");
        return location;
    }

    private static DatasetLocation Read(string stageDirectory)
    {
        var location = JsonSerializer.Deserialize<DatasetLocation>(File.ReadAllText(Path.Combine(stageDirectory, DatasetFile)), Stamp.Json)!;
        return location with { Path = Path.GetFullPath(Path.Combine(stageDirectory, location.Path)) };
    }

    /// <summary>Whether the dataset an earlier Fetch recorded is still there (a download may have been cleaned away).</summary>
    private static bool DatasetPresent(string stageDirectory)
    {
        if (!File.Exists(Path.Combine(stageDirectory, DatasetFile))) return false;
        var location = Read(stageDirectory);
        return location.Kind == DatasetKind.Zip ? File.Exists(location.Path) : Directory.Exists(location.Path);
    }

    private static DatasetLocation Produce(RunContext ctx, string work)
    {
        var data = ctx.Config.Data;
        switch (data.Source)
        {
            case DataSourceKind.Synthetic:
            {
                const string fileName = "synthetic.zip";
                var summary = ctx.Console.Progress().Start(p =>
                {
                    var task = p.AddTask("Fetch: generating synthetic patches");
                    var total = data.Synthetic.Patients * data.Synthetic.GridColumns * data.Synthetic.GridRows;
                    task.MaxValue = total;
                    var written = SyntheticDataset.WriteZip(data.Synthetic, Path.Combine(work, fileName), new Progress<int>(n => task.Value = n));
                    task.MaxValue = task.Value = written.Patches; // the regions cover only part of the grid
                    return written;
                });
                ctx.Console.MarkupLineInterpolated($"Fetch: synthetic dataset of {summary.Patches:N0} patches from {summary.Patients} patients");
                // Relative: the work folder is renamed into place after this returns.
                return new DatasetLocation(DatasetKind.Zip, fileName, Hashing.FileSha256(Path.Combine(work, fileName)));
            }
            case DataSourceKind.Zip:
                return CheckedZip(ctx, data.Path!, data.Sha256);
            case DataSourceKind.Directory:
                return new DatasetLocation(DatasetKind.Directory, data.Path!, LocalSource.DirectoryContentHash(data.Path!));
            case DataSourceKind.Url:
            {
                var url = new Uri(data.Url!);
                var fileName = Path.GetFileName(url.AbsolutePath) is { Length: > 0 } n ? n : "dataset.zip";
                var destination = Path.Combine(ctx.Layout.Downloads, fileName);
                Directory.CreateDirectory(ctx.Layout.Downloads);
                string sha;
                if (File.Exists(destination))
                {
                    // Downloaded before: check it against the pinned or recorded hash rather than fetch it again.
                    sha = ArchiveHash.VerifyExisting(url, destination, data.Sha256);
                }
                else
                {
                    using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                    sha = ctx.Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                        .Start(p =>
                        {
                            var task = p.AddTask($"Fetch: downloading {fileName}", maxValue: 1);
                            var progress = new Progress<DownloadProgress>(d =>
                            {
                                if (d.BytesTotal is { } total) task.MaxValue = total;
                                task.Value = d.BytesDone;
                            });
                            return HttpDownloader.DownloadAsync(client, url, destination, data.Sha256, data.Download, progress, CancellationToken.None).GetAwaiter().GetResult();
                        });
                }
                var count = ZipDatasetCheck.Validate(destination);
                ctx.Console.MarkupLineInterpolated($"Fetch: {destination} holds {count:N0} PNG entries");
                return new DatasetLocation(DatasetKind.Zip, destination, sha);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(ctx));
        }
    }

    private static DatasetLocation CheckedZip(RunContext ctx, string path, string? pinned)
    {
        if (!File.Exists(path))
            throw new StageException($"data.path: {path} does not exist. Point data.path at the dataset zip (e.g. --set data.path=../shared/data/idc-sample.zip).");
        var count = ZipDatasetCheck.Validate(path);
        var sha = ctx.Console.Progress().Start(p =>
        {
            var task = p.AddTask($"Fetch: hashing {Path.GetFileName(path)}", maxValue: new FileInfo(path).Length);
            return Hashing.FileSha256(path, new Progress<long>(b => task.Value = b));
        });
        if (pinned is not null && !string.Equals(pinned, sha, StringComparison.OrdinalIgnoreCase))
            throw new StageException($"data.path: {path} has SHA-256 {sha}, but data.sha256 pins {pinned}. Use the right file, or correct data.sha256.");
        ctx.Console.MarkupLineInterpolated($"Fetch: {path} holds {count:N0} PNG entries");
        return new DatasetLocation(DatasetKind.Zip, path, sha);
    }
}
