using System.Text.Json;
using IdcRepro.Pipeline;
using IdcRepro.Sampling;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>
/// Undersample: random undersampling of the majority class in the configured sets. Writes the row lists like
/// Split does, and <c>undersample.json</c> with each set's class counts before and after.
/// </summary>
public static class UndersampleStage
{
    public const string Name = "Undersample";
    public const int Version = 1;
    public const string SummaryFile = "undersample.json";

    public static StageKey KeyFor(RunContext ctx) => ctx.Key(Name, () => StageKey.For(Name, Version, ctx.Config.Undersample, new Dictionary<string, string>
    {
        ["split"] = ctx.Require(SplitStage.KeyFor(ctx)).Stamp.OutputHash,
        ["preprocess"] = ctx.Require(PreprocessStage.KeyFor(ctx)).Stamp.OutputHash,
    }));

    public static StageResult Run(RunContext ctx) => ctx.Cache.GetOrRun(KeyFor(ctx), ctx.Force, work =>
    {
        var (cache, _) = PreprocessStage.Require(ctx);
        var (_, split) = SplitStage.Require(ctx);
        var result = Undersampler.Apply(split, PreprocessStage.Labels(cache), ctx.Config.Undersample);
        RowLists.Write(work, result.Sets);
        var counts = result.Counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => new { before = c.Value.Before, after = c.Value.After });
        AtomicFile.WriteAllText(Path.Combine(work, SummaryFile), JsonSerializer.Serialize(counts, Stamp.Json));
        foreach (var (set, (before, after)) in result.Counts)
            ctx.Console.MarkupLineInterpolated($"Undersample: {set.ToString().ToLowerInvariant()} {before.Class0:N0} / {before.Class1:N0} -> {after.Class0:N0} / {after.Class1:N0}");
        return new StageProducts(new Dictionary<string, object> { ["counts"] = counts });
    });

    /// <summary>The row lists an earlier Undersample made for this config.</summary>
    public static (string Directory, SplitResult Sets) Require(RunContext ctx)
    {
        var result = ctx.Require(KeyFor(ctx));
        return (result.Directory, RowLists.Read(result.Directory));
    }
}
