using IdcRepro.Config;
using IdcRepro.Pipeline;
using Spectre.Console;

namespace IdcRepro.Evaluation;

/// <summary>
/// CrossValidate: the family-level combination of a patient k-fold. Reads every fold run's Evaluate output and writes
/// crossval.json (<see cref="CrossValidationResult"/>: per-fold metrics, mean ± sd, pooled out-of-fold metrics with
/// patient-bootstrap intervals on every patch of the test patients and on the undersampled sets, per seed and over
/// seeds) and external-mean.csv (each external set scored by the mean of a seed's fold models). One output for the
/// whole family:
/// its key is the same for every run of it. A config without folds gets a crossval.json that says so and nothing else.
/// </summary>
public static class CrossValidateStage
{
    public const string EnsembleFile = "external-mean.csv";

    public static IReadOnlyList<string> Outputs { get; } = [CrossValidationResult.FileName, EnsembleFile];

    public static CrossValidationOutput Read(string directory) => new(directory,
        CrossValidationResult.Read(Path.Combine(directory, CrossValidationResult.FileName)),
        CsvFile.Read<EnsemblePredictionRow>(Path.Combine(directory, EnsembleFile), (message, _) =>
            new StageException($"{message}. Rerun CrossValidate with --force.")));

    private static readonly string[] Shown = [MetricNames.BalancedAccuracy, MetricNames.F1, MetricNames.RocAuc];

    public static StageProducts Produce(StageRun run)
    {
        var section = run.Section<CrossValidateSection>();
        var (fanOut, resamples, bootstrapSeed) = (section.FanOut, section.BootstrapResamples, section.BootstrapSeed);
        var family = run.FamilyInputs(Graph.Evaluate);
        var result = new CrossValidationResult
        {
            CrossValidated = false, Folds = fanOut.Folds, Seeds = fanOut.Seeds, Confidence = 0.95,
            BootstrapResamples = resamples
        };
        IReadOnlyList<EnsemblePredictionRow> ensembleRows = [];
        if (fanOut.Folds is null)
        {
            run.Console.WriteLine("CrossValidate: no folds (split.strategy is not patient_kfold): nothing to combine.");
        }
        else
        {
            if (family.Count != fanOut.Count)
                throw new StageException(
                    $"CrossValidate: expected {fanOut.Count} runs (folds x seeds), found {family.Count}.");
            var outputs = family.Select(f => EvaluateStage.Read(f.Directory)).ToList();
            (result, ensembleRows) =
                FoldPooling.Combine(family.Select(f => f.RunName).ToList(), outputs, fanOut, resamples, bootstrapSeed);
            foreach (var pooled in result.Pooled)
            {
                var seedText = pooled.Seed is { } s ? $" (seed {s})" : "";
                run.Console.WriteLine(
                    $"CrossValidate{seedText}: {fanOut.Folds} folds pooled, every patch of the test " +
                    $"patients: {pooled.All.Patches:N0} patches of {pooled.All.Patients} " +
                    $"patients; {string.Join(", ", Shown.Select(pooled.All.Describe))}");
                run.Console.WriteLine(
                    $"CrossValidate{seedText}: undersampled test sets pooled: {pooled.Undersampled.Patches:N0} " +
                    $"patches; {string.Join(", ", Shown.Select(pooled.Undersampled.Describe))}");
            }
            foreach (var set in result.External)
                run.Console.WriteLine(
                    $"CrossValidate{(set.Seed is { } s ? $" (seed {s})" : "")}: external set {set.Set} scored by " +
                    $"the mean of the fold models: {EvaluateStage.Line(set.Metrics)}");
        }
        result.Write(Path.Combine(run.Work, CrossValidationResult.FileName));
        CsvFile.Write(Path.Combine(run.Work, EnsembleFile), ensembleRows);
        return new StageProducts(new Dictionary<string, object>
        {
            ["cross_validated"] = result.CrossValidated,
            ["pooled"] = result.Pooled.Select(p => p.All.Metrics).ToList(),
        });
    }
}

/// <summary>
/// What CrossValidate reads of the config: evaluate.bootstrap_* for the pooled intervals and the fan-out's shape
/// (split.folds with patient_kfold, seeds).
/// </summary>
public sealed record CrossValidateSection(int BootstrapResamples, int BootstrapSeed, FanOut FanOut)
{
    public static CrossValidateSection Of(IdcConfig config) =>
        new(config.Evaluate.BootstrapResamples, config.Evaluate.BootstrapSeed, config.FanOut());
}

/// <summary>
/// CrossValidate's output: the combined figures and the external sets scored by the mean of the fold models.
/// </summary>
public sealed record CrossValidationOutput(string Directory, CrossValidationResult Result,
    IReadOnlyList<EnsemblePredictionRow> Ensemble);
