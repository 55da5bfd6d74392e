using IdcRepro.Config;

namespace IdcRepro.Evaluation;

/// <summary>
/// CrossValidate's pure core: a patient k-fold family's Evaluate outputs combined (no I/O; the bootstrap is seeded).
/// Each seed's folds are pooled with <see cref="CrossValidation.Summarize"/>, each fold under its own decision rule; a
/// fold whose undersampled test set is empty is left out of that pool (<see cref="PooledMetrics.FoldsPooled"/> says how
/// many were in).
/// </summary>
public static class FoldPooling
{
    /// <summary>
    /// The combination of a k-fold family's Evaluate outputs, given in fold-major order (<see cref="FanOut.Place"/>)
    /// with their run names: every fold's figures, each seed's folds pooled (every patch; undersampled) with intervals,
    /// the spread over seeds, and each external set by the mean of each seed's fold models, with those averaged rows.
    /// </summary>
    public static (CrossValidationResult Result, IReadOnlyList<EnsemblePredictionRow> Ensemble) Combine(
        IReadOnlyList<string> names, IReadOnlyList<EvaluationOutput> outputs, FanOut fanOut, int resamples, int seed)
    {
        var ensembleRows = new List<EnsemblePredictionRow>();
        var places = Enumerable.Range(0, outputs.Count).Select(fanOut.Place).ToList();
        var runs = outputs.Select((o, i) =>
            new FoldResult(names[i], places[i].Fold!.Value, places[i].Seed, o.Decision.Description,
            o.Decision.Threshold,
            o.AllRows.Select(r => r.Patient).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            PatchMetrics.Of(Metrics.Compute(EvaluateStage.Predictions(o.AllRows), o.Decision.DecisionRule)),
            o.Rows.Count == 0 ? PatchMetrics.None
                : PatchMetrics.Of(Metrics.Compute(EvaluateStage.Predictions(o.Rows), o.Decision.DecisionRule))))
                .ToList();

        var pooled = new List<PooledResult>();
        var ensembles = new List<EnsembleResult>();
        foreach (var trainSeed in fanOut.Seeds?.Select(s => (int?)s).ToList() ?? [null])
        {
            var members = Enumerable.Range(0, outputs.Count).Where(i => places[i].Seed == trainSeed)
                .OrderBy(i => places[i].Fold).ToList();
            PooledMetrics Pool(Func<EvaluationOutput, IReadOnlyList<PredictionRow>> rows)
            {
                var folds = members.Where(i => rows(outputs[i]).Count > 0)
                    .Select(i =>
                        new FoldPredictions(EvaluateStage.Predictions(rows(outputs[i])),
                        outputs[i].Decision.DecisionRule)).ToList();
                return PooledMetrics.Of(CrossValidation.Summarize(folds, resamples, seed), folds.Count);
            }
            pooled.Add(new PooledResult(trainSeed, Pool(o => o.AllRows), Pool(o => o.Rows)));

            foreach (var set in outputs[members[0]].External.Select(e => e.Set))
            {
                var rule = ModelAverage.Rule(members.Select(i => outputs[i].Decision.Threshold).ToList());
                var models = members.Select(i =>
                    (IReadOnlyList<PredictionRow>)outputs[i].ExternalRows.Where(r => r.Set == set)
                    .Select(ExternalPredictionRow.ToPrediction).ToList()).ToList();
                var mean = ModelAverage.Of(models, rule);
                var folds = members.Select(i =>
                    (Run: names[i], Fold: places[i].Fold!.Value,
                    Result: outputs[i].External.Single(e => e.Set == set).Metrics))
                    .Select(f => new FoldExternal(f.Run, f.Fold, f.Result.Metrics, f.Result.Intervals)).ToList();
                ensembles.Add(new EnsembleResult(trainSeed, set, rule.ToString(), rule.Threshold,
                    EvaluationResult.Compute(EvaluateStage.Predictions(mean), resamples, seed, rule), folds));
                ensembleRows.AddRange(mean.Select(r => EnsemblePredictionRow.Of(trainSeed, set, r)));
            }
        }

        IReadOnlyList<MetricSpread> OverSeeds(Func<PooledResult, PooledMetrics> which) => fanOut.Seeds is null ? []
            : MetricSpread.Of(pooled.Select(p => (IReadOnlyList<KeyValuePair<string, double?>>)[.. which(p).Metrics])
                .ToList());
        return (new CrossValidationResult
        {
            CrossValidated = true,
            Folds = fanOut.Folds,
            Seeds = fanOut.Seeds,
            Confidence = 0.95,
            BootstrapResamples = resamples,
            Runs = runs,
            Pooled = pooled,
            PooledOverSeeds = OverSeeds(p => p.All),
            PooledUndersampledOverSeeds = OverSeeds(p => p.Undersampled),
            External = ensembles,
        }, ensembleRows);
    }
}
