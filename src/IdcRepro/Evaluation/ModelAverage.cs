using IdcRepro.Pipeline;

namespace IdcRepro.Evaluation;

/// <summary>
/// The mean of several models' predictions on the same patches (the folds' models on an external set): pure, no I/O.
/// P0 and P1 are averaged patch by patch, summed in the order the models are given, then divided by their count.
/// </summary>
public static class ModelAverage
{
    /// <summary>The averaged rows, in the first model's order, each decided by <paramref name="rule"/>.</summary>
    /// <exception cref="StageException">No models, or models that scored different patches.</exception>
    public static IReadOnlyList<PredictionRow> Of(IReadOnlyList<IReadOnlyList<PredictionRow>> models, DecisionRule rule)
    {
        if (models.Count == 0) throw new StageException("There are no models to average.");
        var first = models[0];
        var byPath = models.Select(m => m.ToDictionary(r => r.Path, StringComparer.Ordinal)).ToList();
        for (var k = 1; k < models.Count; k++)
            if (models[k].Count != first.Count || first.Any(r => !byPath[k].ContainsKey(r.Path)))
                throw new StageException(
                    $"The models scored different patches ({first.Count:N0} and {models[k].Count:N0}); rerun " +
                    "Evaluate for every fold with --force.");
        return first.Select(r =>
        {
            double p0 = 0, p1 = 0;
            foreach (var model in byPath)
            {
                p0 += model[r.Path].P0;
                p1 += model[r.Path].P1;
            }
            (p0, p1) = (p0 / models.Count, p1 / models.Count);
            return r with { P0 = p0, P1 = p1, Predicted = rule.Classify(new Prediction(r.Label, p0, p1, r.Patient)) };
        }).ToList();
    }

    /// <summary>
    /// The rule for averaged probabilities: argmax when every model used argmax, else the mean of their thresholds.
    /// </summary>
    public static DecisionRule Rule(IReadOnlyList<double?> thresholds) =>
        thresholds.All(t => t is null) ? DecisionRule.Argmax
        : thresholds.Any(t => t is null)
            ? throw new StageException(
            "The folds used different decision rules (some a threshold, some argmax); rerun Evaluate for every fold " +
            "with --force.")
        : DecisionRule.AtThreshold(thresholds.Average(t => t!.Value));
}
