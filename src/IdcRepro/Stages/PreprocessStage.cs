using IdcRepro.Data;
using IdcRepro.Data.Npy;
using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>
/// Preprocess: decodes every indexed patch into <c>images.npy</c> (uint8, N x size x size x 3) and <c>labels.npy</c>
/// (int64, N), and writes <c>patches.csv</c>, the index rows that made it in, row for row.
/// </summary>
public static class PreprocessStage
{
    public const string Name = "Preprocess";
    public const int Version = 1;
    public const string ImagesFile = "images.npy";
    public const string LabelsFile = "labels.npy";
    public const string PatchesFile = "patches.csv";

    public static StageKey KeyFor(RunContext ctx) => ctx.Key(Name, () =>
        StageKey.For(Name, Version, ctx.Config.Preprocess, new Dictionary<string, string> { ["index"] = ctx.Require(IndexStage.KeyFor(ctx)).Stamp.OutputHash }));

    public static StageResult Run(RunContext ctx)
    {
        var key = KeyFor(ctx);
        return ctx.Cache.GetOrRun(key, ctx.Force, work =>
        {
            var patches = IndexStage.Require(ctx);
            using var reader = PatchReader.Open(FetchStage.Require(ctx));
            var summary = ctx.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(p =>
                {
                    var task = p.AddTask($"Preprocess: decoding {patches.Count:N0} patches", maxValue: patches.Count);
                    return PatchCacheBuilder.Build(patches, reader, ctx.Config.Preprocess,
                        Path.Combine(work, ImagesFile), Path.Combine(work, LabelsFile),
                        new Progress<int>(done => task.Value = done), CancellationToken.None);
                });
            foreach (var skipped in summary.Skipped.Take(20))
                ctx.Console.MarkupLineInterpolated($"[yellow]Preprocess: skipped {skipped}[/]");
            if (summary.Skipped.Count > 20) ctx.Console.MarkupLineInterpolated($"[yellow]Preprocess: ... and {summary.Skipped.Count - 20} more skipped[/]");

            IndexCsv.Write(Path.Combine(work, PatchesFile), summary.KeptIndices.Select(i => patches[i]));
            ctx.Console.MarkupLineInterpolated($"Preprocess: {summary.Kept:N0} patches of {summary.Size}x{summary.Size}; {summary.Reshaped:N0} brought to size ({ctx.Config.Preprocess.Resize.ToString().ToLowerInvariant()}), {summary.Skipped.Count:N0} skipped");
            return new StageProducts(new Dictionary<string, object>
            {
                ["patches"] = summary.Kept,
                ["requested"] = summary.Requested,
                ["skipped"] = summary.Skipped.Select(s => s.ToString()).ToList(),
                ["reshaped_by_size"] = summary.ReshapedBySize,
            });
        });
    }

    /// <summary>The cache an earlier Preprocess made for this config: its folder and its rows.</summary>
    public static (string Directory, IReadOnlyList<Patch> Patches) Require(RunContext ctx)
    {
        var result = ctx.Require(KeyFor(ctx));
        return (result.Directory, IndexCsv.Read(Path.Combine(result.Directory, PatchesFile)));
    }

    /// <summary>The labels of the cache's rows.</summary>
    public static int[] Labels(string directory) => NpyFile.ReadVector<long>(Path.Combine(directory, LabelsFile)).Select(l => (int)l).ToArray();
}
