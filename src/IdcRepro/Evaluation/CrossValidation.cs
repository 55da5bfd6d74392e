namespace IdcRepro.Evaluation;

/// <summary>Cross-validation's pure summary of the folds' test predictions (no I/O; the bootstrap is seeded).</summary>
public static class CrossValidation
{
    /// <summary>
    /// Per-fold metrics, their mean and sample standard deviation, and the pooled metrics of all folds' predictions
    /// together with percentile intervals that resample patients (<see cref="PatientBootstrap"/>, the same seed and
    /// resamples as a single run's). Each fold's confusion counts use its own <see cref="FoldPredictions.Decision"/>,
    /// in its metrics and in the pool (a patient belongs to one fold); with one rule for all folds the pooled metrics
    /// are exactly <see cref="Metrics.Compute"/> of the concatenated predictions.
    /// </summary>
    /// <exception cref="ArgumentException">No folds, an empty fold, a patient in two folds, or a bad
    /// prediction.</exception>
    public static CrossValidationSummary Summarize(IReadOnlyList<FoldPredictions> folds, int resamples, int seed,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0) throw new ArgumentException("There are no folds to summarise.", nameof(folds));
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < folds.Count; f++)
        {
            if (folds[f]?.Predictions is not { Count: > 0 } predictions)
                throw new ArgumentException($"Fold {f} has no predictions.", nameof(folds));
            foreach (var patient in predictions.Select(p => p?.Patient).OfType<string>()
                .Distinct(StringComparer.Ordinal))
            {
                if (foldOf.TryGetValue(patient, out var other))
                    throw new ArgumentException(
                        $"Patient {patient} is in folds {other} and {f}; cross-validation folds hold disjoint " +
                        "patients.", nameof(folds));
                foldOf[patient] = f;
            }
        }

        var perFold = folds.Select(f => Metrics.Compute(f.Predictions, f.Decision)).ToArray();
        var ranked = RankedPredictions.Of(folds.SelectMany(f => f.Predictions).ToArray(), patient =>
            folds[foldOf[patient]].Decision);
        return new CrossValidationSummary(
            perFold,
            MetricSpread.Of(perFold),
            ranked.Evaluate(ranked.Unweighted()),
            PatientBootstrap.Intervals(ranked, resamples, seed, confidence));
    }
}
