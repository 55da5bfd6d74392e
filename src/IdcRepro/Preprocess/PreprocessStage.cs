using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Data.Npy;
using IdcRepro.Fetch;
using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using Spectre.Console;

namespace IdcRepro.Preprocess;

/// <summary>
/// Preprocess: decodes every indexed patch into <c>images.npy</c> (uint8, N x size x size x 3) and <c>labels.npy</c>
/// (int64, N), and writes <c>patches.csv</c>, the index rows that made it in, row for row. It reads the dataset's
/// pixels, so it reads Fetch's output (the dataset's content hash) as well as Index's names and labels.
/// </summary>
public static class PreprocessStage
{
    public const string ImagesFile = "images.npy";
    public const string LabelsFile = "labels.npy";
    public const string PatchesFile = "patches.csv";

    public static PatchCache Read(string directory) =>
        new(directory, IndexCsv.Read(Path.Combine(directory, PatchesFile)));

    public static StageProducts Produce(StageRun run)
    {
        var patches = run.Input(Graph.Index, IndexStage.Read);
        var settings = run.Section<PreprocessConfig>();
        using var reader = PatchReader.Open(run.Input(Graph.Fetch, FetchStage.Read));
        var summary = run.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(p =>
            {
                var task = p.AddTask($"Preprocess: decoding {patches.Count:N0} patches", maxValue: patches.Count);
                return PatchCacheBuilder.Build(patches, reader, settings,
                    Path.Combine(run.Work, ImagesFile), Path.Combine(run.Work, LabelsFile),
                    new Progress<int>(done => task.Value = done), run.Cancellation);
            });
        foreach (var skipped in summary.Skipped.Take(20))
            run.Console.MarkupLineInterpolated($"[yellow]Preprocess: skipped {skipped}[/]");
        if (summary.Skipped.Count > 20)
            run.Console.MarkupLineInterpolated(
                $"[yellow]Preprocess: ... and {summary.Skipped.Count - 20} more skipped[/]");

        IndexCsv.Write(Path.Combine(run.Work, PatchesFile), summary.KeptIndices.Select(i => patches[i]));
        var resize = settings.Resize.ToString().ToLowerInvariant();
        var kept = $"{summary.Kept:N0} patches of {summary.Size}x{summary.Size}";
        var reshaped = $"{summary.Reshaped:N0} brought to size ({resize})";
        run.Console.MarkupLineInterpolated($"Preprocess: {kept}; {reshaped}, {summary.Skipped.Count:N0} skipped");
        return new StageProducts(new Dictionary<string, object>
        {
            ["patches"] = summary.Kept,
            ["requested"] = summary.Requested,
            ["skipped"] = summary.Skipped.Select(s => s.ToString()).ToList(),
            ["reshaped_by_size"] = summary.ReshapedBySize,
        });
    }
}

/// <summary>
/// Preprocess's output: the decoded patches (images.npy, labels.npy) and their index rows (patches.csv), row for row.
/// </summary>
public sealed record PatchCache(string Directory, IReadOnlyList<Patch> Patches)
{
    public string ImagesPath => Path.Combine(Directory, PreprocessStage.ImagesFile);

    /// <summary>The labels of the cache's rows.</summary>
    public int[] Labels() =>
        NpyFile.ReadVector<long>(Path.Combine(Directory, PreprocessStage.LabelsFile)).Select(l => (int)l).ToArray();
}
