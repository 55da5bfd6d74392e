using System.Text.Json;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using Spectre.Console;

namespace IdcRepro.Sampling;

/// <summary>
/// Split: assigns the cache's rows to train / validation / test with the configured strategy and seed. Writes
/// <c>train.npy</c>, <c>validation.npy</c>, <c>test.npy</c> (int64 row numbers, ascending) and <c>split.json</c>
/// (counts, patients of each set, a hash of each row list). Patient-list files (strategy lists) are in its key by
/// content, as every <c>[ConfigPath]</c> of a section is.
/// </summary>
public static class SplitStage
{
    public const string SummaryFile = "split.json";

    public static SplitSets Read(string directory) => new(RowLists.Read(directory),
        JsonSerializer.Deserialize<SplitSummary>(File.ReadAllText(Path.Combine(directory, SummaryFile)), Stamp.Json)!);

    public static StageProducts Produce(StageRun run)
    {
        var config = run.Section<SplitConfig>();
        var patches = run.Input(Graph.Preprocess, PreprocessStage.Read).Patches;
        var lists = config.Strategy == SplitStrategy.Lists ? ReadLists(config) : null;
        var outcome = Splitter.Split(patches, config, lists);
        RowLists.Write(run.Work, outcome.Result);
        var summary = SplitSummary.Describe(outcome, patches);
        AtomicFile.WriteAllText(Path.Combine(run.Work, SummaryFile), JsonSerializer.Serialize(summary, Stamp.Json));
        foreach (var note in outcome.Notes) run.Console.MarkupLineInterpolated($"Split: {note}");
        run.Console.MarkupLineInterpolated(
            $"Split ({ConfigSchema.EnumName(config.Strategy)}, seed {config.Seed}): {summary.Describe()}");
        return new StageProducts(new Dictionary<string, object> { ["counts"] = summary.Counts });
    }

    private static PatientLists ReadLists(SplitConfig config)
    {
        IReadOnlyList<string> Read(string? path) => path is null ? [] : PatientLists.ParseFile(File.ReadAllText(path));
        return new PatientLists(Read(config.Lists.Train), Read(config.Lists.Validation), Read(config.Lists.Test));
    }
}

/// <summary>Split's output: the row lists of each set and what they hold.</summary>
public sealed record SplitSets(SplitResult Sets, SplitSummary Summary);
