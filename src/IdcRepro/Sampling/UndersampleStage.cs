using System.Text.Json;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using Spectre.Console;

namespace IdcRepro.Sampling;

/// <summary>
/// Undersample: random undersampling of the majority class in the configured sets. Writes the row lists like
/// Split does, and <c>undersample.json</c> with each set's class counts before and after.
/// </summary>
public static class UndersampleStage
{
    public const string SummaryFile = "undersample.json";

    public static BalancedSets Read(string directory) => new(RowLists.Read(directory),
        JsonSerializer.Deserialize<Dictionary<string, SetBalance>>(
            File.ReadAllText(Path.Combine(directory, SummaryFile)), Stamp.Json)!);

    public static StageProducts Produce(StageRun run)
    {
        var split = run.Input(Graph.Split, SplitStage.Read);
        var labels = run.Input(Graph.Preprocess, PreprocessStage.Read).Labels();
        var result = Undersampler.Apply(split.Sets, labels, run.Section<UndersampleConfig>());
        RowLists.Write(run.Work, result.Sets);
        var counts = result.Counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c =>
            new SetBalance(c.Value.Before, c.Value.After));
        AtomicFile.WriteAllText(Path.Combine(run.Work, SummaryFile), JsonSerializer.Serialize(counts, Stamp.Json));
        foreach (var (set, (before, after)) in result.Counts)
        {
            var name = set.ToString().ToLowerInvariant();
            var was = $"{before.Class0:N0} / {before.Class1:N0}";
            run.Console.MarkupLineInterpolated($"Undersample: {name} {was} -> {after.Class0:N0} / {after.Class1:N0}");
        }
        return new StageProducts(new Dictionary<string, object> { ["counts"] = counts });
    }
}

/// <summary>One set's class counts before and after undersampling (undersample.json: one per set, by name).</summary>
public sealed record SetBalance(ClassCounts Before, ClassCounts After);

/// <summary>Undersample's output: the row lists the model stages use, and each set's balance.</summary>
public sealed record BalancedSets(SplitResult Sets, IReadOnlyDictionary<string, SetBalance> Balance);
