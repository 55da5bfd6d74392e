using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>
/// The report's view of CrossValidate's and Evaluate's family-level and external outputs, seen from one run.
/// </summary>
internal static class ReportFigures
{
    /// <summary>
    /// The metrics of no test set: nothing counted (the report's test sections say there is no test set instead).
    /// </summary>
    public static MetricSet NoMetrics { get; } = new(new ConfusionMatrix(0, 0, 0, 0), 0, null, null, 0);

    /// <summary>The k-fold the run belongs to, from the side of the run's seed; null without folds.</summary>
    public static CrossValidationFigures? CrossValidation(IdcConfig config, CrossValidationResult result)
    {
        if (!result.CrossValidated || result.Folds is not { } folds) return null;
        int? seed = result.Seeds is null ? null : config.Train.Seed;
        var pooled = result.PooledFor(seed)
            ?? throw new Pipeline.StageException(
            "crossval.json holds no pooled figures; rerun CrossValidate with --force.");
        return new CrossValidationFigures
        {
            Folds = folds,
            Seed = seed,
            FoldRows = result.Runs.Where(r => r.Seed == seed)
                .Select(r =>
                    new FoldFigures(r.Fold, r.Run, r.TestPatients, r.All.Patches, r.All.Metrics, r.Undersampled.Patches,
                    r.Undersampled.Metrics,
                    r.Threshold is { } t ? FormattableString.Invariant($"p1 > {t:0.0000}") : "argmax"))
                .ToList(),
            All = Pooled(pooled.All),
            Undersampled = Pooled(pooled.Undersampled),
            PerSeed = result.Seeds is null ? []
                : result.Pooled.Select(p => (p.Seed!.Value, Figures(p.All), Figures(p.Undersampled))).ToList(),
            AllOverSeeds = result.PooledOverSeeds,
            UndersampledOverSeeds = result.PooledUndersampledOverSeeds,
        };
    }

    /// <summary>
    /// The external sets as the report shows them, and the rows behind their maps: for a k-fold, scored by the mean of
    /// the run's seed's fold models (CrossValidate); otherwise by the run's model (Evaluate).
    /// </summary>
    public static (IReadOnlyList<ExternalFigures> Figures,
        IReadOnlyList<(string Set, IReadOnlyList<PredictionRow> Rows, DecisionRule Rule)> Rows) External(
        IdcConfig config, EvaluationOutput evaluation, CrossValidationOutput crossValidation,
            IReadOnlyList<Patch> dataset)
    {
        var result = crossValidation.Result;
        if (!result.CrossValidated)
        {
            var figures = evaluation.External.Select(e =>
                new ExternalFigures(e.Set, "this run's model", Figures(e.Metrics), e.Metrics.PerPatient, [],
                e.PatientsInTraining)).ToList();
            var rows = evaluation.External.Select(e =>
                (e.Set,
                (IReadOnlyList<PredictionRow>)evaluation.ExternalRows.Where(r => r.Set == e.Set)
                .Select(ExternalPredictionRow.ToPrediction).ToList(),
                evaluation.Decision.DecisionRule)).ToList();
            return (figures, rows);
        }
        // Every dataset patient is a training patient of some fold model, so a shared patient is one the dataset holds.
        var known = dataset.Select(p => p.Patient).ToHashSet(StringComparer.Ordinal);
        var seedText = EnsemblePredictionRow.SeedText(result.Seeds is null ? null : config.Train.Seed);
        int? seed = result.Seeds is null ? null : config.Train.Seed;
        var sets = result.External.Where(e => e.Seed == seed).ToList();
        var ensembleFigures = sets.Select(e =>
            new ExternalFigures(e.Set, $"the mean of the {e.Folds.Count} fold models' probabilities ({e.Decision})",
            Figures(e.Metrics), e.Metrics.PerPatient,
            e.Folds.Select(f => (f.Run, f.Metrics)).ToList(),
            e.Metrics.PerPatient.Select(p => p.Patient).Where(known.Contains).ToList())).ToList();
        var ensembleRows = sets.Select(e => (e.Set, (IReadOnlyList<PredictionRow>)crossValidation.Ensemble
            .Where(r => r.Seed == seedText && r.Set == e.Set).Select(EnsemblePredictionRow.ToPrediction).ToList(),
            e.Threshold is { } t ? DecisionRule.AtThreshold(t) : DecisionRule.Argmax)).ToList();
        return (ensembleFigures, ensembleRows);
    }

    private static PooledFigures Pooled(PooledMetrics pooled) =>
        new(new HeldOutFigures(pooled.Patches, pooled.Patients, pooled.Metrics, pooled.Intervals), pooled.FoldSpread);

    private static HeldOutFigures Figures(PooledMetrics pooled) =>
        new(pooled.Patches, pooled.Patients, pooled.Metrics, pooled.Intervals);

    private static HeldOutFigures Figures(EvaluationResult result) =>
        new(result.TestPatches, result.TestPatients, result.Metrics, result.Intervals);
}
