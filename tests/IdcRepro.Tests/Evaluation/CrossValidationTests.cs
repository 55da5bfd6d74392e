using IdcRepro.Evaluation;

namespace IdcRepro.Tests.Evaluation;

public sealed class CrossValidationTests
{
    /// <summary>Five folds of well-behaved predictions, each fold its own patients.</summary>
    private static FoldPredictions[] Folds(DecisionRule decision = default) => Enumerable.Range(0, 5)
        .Select(f => new FoldPredictions(PredictionData.Synthetic(patients: 3, perPatient: 40, seed: 30 + f)
            .Select(p => p with { Patient = $"f{f}-{p.Patient}" }).ToArray(), decision))
        .ToArray();

    [Fact]
    public void Pooled_metrics_and_intervals_are_those_of_the_concatenated_predictions()
    {
        var folds = Folds();
        var all = folds.SelectMany(f => f.Predictions).ToArray();
        var summary = CrossValidation.Summarize(folds, resamples: 200, seed: 42);

        Assert.Equal(Metrics.Compute(all), summary.Pooled);
        Assert.Equal(15, summary.Pooled.Patients);
        Assert.Equal(PatientBootstrap.Intervals(all, 200, 42), summary.PooledIntervals);
        Assert.Equal(folds.Select(f => Metrics.Compute(f.Predictions)), summary.Folds);
    }

    [Fact]
    public void Mean_and_sample_standard_deviation_over_folds_by_hand()
    {
        FoldPredictions[] folds =
        [
            new(PredictionData.FromScores([0.2, 0.8], [0, 1], "a")),           // TN, TP: accuracy 1, recall 1
            new(PredictionData.FromScores([0.2, 0.8], [1, 0], "b")),           // FN, FP: accuracy 0, recall 0
            // TN, TP, FP, TN: accuracy 3/4, recall 1
            new(PredictionData.FromScores([0.2, 0.8, 0.9, 0.3], [0, 1, 0, 0], "c")),
        ];
        var spread = CrossValidation.Summarize(folds, resamples: 0, seed: 1).Spread.ToDictionary(s => s.Metric);

        // accuracy: mean (1 + 0 + 3/4) / 3 = 7/12; deviations 5/12, -7/12, 2/12; sum of squares 78/144; / (3 - 1): sd =
        // sqrt(39) / 12.
        Assert.Equal(7.0 / 12, spread[MetricNames.Accuracy].Mean, 15);
        Assert.Equal(Math.Sqrt(39) / 12, spread[MetricNames.Accuracy].StandardDeviation!.Value, 15);
        Assert.Equal(3, spread[MetricNames.Accuracy].Folds);
        // recall: 1, 0, 1: mean 2/3; deviations 1/3, -2/3, 1/3; sum of squares 6/9; / 2: sd = sqrt(1/3).
        Assert.Equal(2.0 / 3, spread[MetricNames.Recall].Mean, 15);
        Assert.Equal(Math.Sqrt(1.0 / 3), spread[MetricNames.Recall].StandardDeviation!.Value, 15);
    }

    [Fact]
    public void A_metric_undefined_in_a_fold_is_averaged_over_the_others_and_one_value_has_no_spread()
    {
        FoldPredictions[] folds =
        [
            new(PredictionData.FromScores([0.2, 0.8], [0, 1], "a")),
            new(PredictionData.FromScores([0.2, 0.3], [0, 0], "b")), // no IDC: recall, ROC AUC ... undefined
        ];
        var spread = CrossValidation.Summarize(folds, resamples: 0, seed: 1).Spread.ToDictionary(s => s.Metric);
        Assert.Equal(new MetricSpread(MetricNames.Recall, 1.0, null, 1), spread[MetricNames.Recall]);
        Assert.Equal(2, spread[MetricNames.Accuracy].Folds);
        Assert.Equal(0.0, spread[MetricNames.Accuracy].StandardDeviation);
    }

    [Fact]
    public void Each_fold_keeps_its_own_decision_rule_in_the_pool()
    {
        var folds = Folds();
        folds[0] = folds[0] with { Decision = DecisionRule.AtThreshold(0.2) };
        folds[3] = folds[3] with { Decision = DecisionRule.AtThreshold(0.8) };
        var summary = CrossValidation.Summarize(folds, resamples: 0, seed: 1);

        var counts = folds.Select(f => ConfusionMatrix.Of(f.Predictions, f.Decision)).ToArray();
        Assert.Equal(new ConfusionMatrix(counts.Sum(c => c.TrueNegatives), counts.Sum(c => c.FalsePositives),
                counts.Sum(c => c.FalseNegatives), counts.Sum(c => c.TruePositives)),
            summary.Pooled.Confusion);
        Assert.Equal(Metrics.Compute(folds[3].Predictions, DecisionRule.AtThreshold(0.8)), summary.Folds[3]);
        Assert.NotEqual(Metrics.Compute(folds.SelectMany(f => f.Predictions).ToArray()).Confusion,
            summary.Pooled.Confusion);
        Assert.Equal(Metrics.Compute(folds.SelectMany(f => f.Predictions).ToArray()).RocAuc, summary.Pooled.RocAuc);
    }

    [Fact]
    public void A_patient_in_two_folds_or_an_empty_fold_is_an_error()
    {
        var folds = Folds();
        folds[4] = new FoldPredictions([.. folds[4].Predictions, folds[1].Predictions[0]]);
        var e = Assert.Throws<ArgumentException>(() => CrossValidation.Summarize(folds, 10, 1));
        Assert.Contains($"Patient {folds[1].Predictions[0].Patient} is in folds 1 and 4", e.Message);

        e = Assert.Throws<ArgumentException>(() =>
            CrossValidation.Summarize([Folds()[0], new FoldPredictions([])], 10, 1));
        Assert.Contains("Fold 1 has no predictions", e.Message);
        Assert.Throws<ArgumentException>(() => CrossValidation.Summarize([], 10, 1));
    }
}
