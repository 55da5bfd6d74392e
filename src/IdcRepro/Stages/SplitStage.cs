using IdcRepro.Config;
using IdcRepro.Data.Npy;
using IdcRepro.Pipeline;
using IdcRepro.Sampling;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>
/// Split: assigns the cache's rows to train / validation / test with the configured strategy and seed. Writes
/// <c>train.npy</c>, <c>validation.npy</c>, <c>test.npy</c> (int64 row numbers, ascending) and <c>split.json</c>
/// (counts, patients of each set, a hash of each row list).
/// </summary>
public static class SplitStage
{
    public const string Name = "Split";
    public const int Version = 1;
    public const string SummaryFile = "split.json";

    public static StageKey KeyFor(RunContext ctx) => ctx.Key(Name, () => ComputeKey(ctx));

    private static StageKey ComputeKey(RunContext ctx)
    {
        var inputs = new Dictionary<string, string> { ["preprocess"] = ctx.Require(PreprocessStage.KeyFor(ctx)).Stamp.OutputHash };
        // Strategy lists reads files: their content is an input too.
        if (ctx.Config.Split.Strategy == SplitStrategy.Lists)
            foreach (var (name, path) in ListFiles(ctx.Config.Split))
                inputs[$"list_{name}"] = File.Exists(path) ? Hashing.FileSha256(path)
                    : throw new StageException($"split.lists.{name}: {path} does not exist. Give a file with one patient id a line.");
        return StageKey.For(Name, Version, ctx.Config.Split, inputs);
    }

    public static StageResult Run(RunContext ctx) => ctx.Cache.GetOrRun(KeyFor(ctx), ctx.Force, work =>
    {
        var (_, patches) = PreprocessStage.Require(ctx);
        var lists = ctx.Config.Split.Strategy == SplitStrategy.Lists ? ReadLists(ctx.Config.Split) : null;
        var outcome = Splitter.Split(patches, ctx.Config.Split, lists);
        RowLists.Write(work, outcome.Result);
        var summary = SplitSummary.Describe(outcome, patches);
        AtomicFile.WriteAllText(Path.Combine(work, SummaryFile), System.Text.Json.JsonSerializer.Serialize(summary, Stamp.Json));
        foreach (var note in outcome.Notes) ctx.Console.MarkupLineInterpolated($"Split: {note}");
        ctx.Console.MarkupLineInterpolated($"Split ({ctx.Config.Split.Strategy.ToString().ToLowerInvariant()}, seed {ctx.Config.Split.Seed}): {summary.Describe()}");
        return new StageProducts(new Dictionary<string, object> { ["counts"] = summary.Counts });
    });

    /// <summary>The split an earlier Split made for this config.</summary>
    public static (string Directory, SplitResult Result) Require(RunContext ctx)
    {
        var result = ctx.Require(KeyFor(ctx));
        return (result.Directory, RowLists.Read(result.Directory));
    }

    private static IEnumerable<(string Name, string Path)> ListFiles(SplitConfig config)
    {
        if (config.Lists.Train is { } train) yield return ("train", train);
        if (config.Lists.Validation is { } validation) yield return ("validation", validation);
        if (config.Lists.Test is { } test) yield return ("test", test);
    }

    private static PatientLists ReadLists(SplitConfig config)
    {
        IReadOnlyList<string> Read(string? path) => path is null ? [] : PatientLists.ParseFile(File.ReadAllText(path));
        return new PatientLists(Read(config.Lists.Train), Read(config.Lists.Validation), Read(config.Lists.Test));
    }
}
