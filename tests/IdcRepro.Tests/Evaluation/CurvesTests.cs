using IdcRepro.Evaluation;

namespace IdcRepro.Tests.Evaluation;

public sealed class CurvesTests
{
    private static readonly Prediction[] SklearnExample =
        PredictionData.FromScores([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);

    [Fact]
    public void ROC_curve_matches_sklearn_roc_curve_without_dropping_points()
    {
        // sklearn: fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [inf, 0.8, 0.4, 0.35, 0.1].
        var roc = Curves.Roc(SklearnExample);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.Select(p => p.FalsePositiveRate));
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.Select(p => p.TruePositiveRate));
        Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], roc.Select(p => p.Threshold));
    }

    [Fact]
    public void PR_curve_matches_sklearn_precision_recall_curve()
    {
        // sklearn: precision [0.5, 0.6667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
        // (the last point, recall 0 precision 1, has no threshold in sklearn; +inf here).
        var pr = Curves.PrecisionRecall(SklearnExample);
        Assert.Equal([1, 1, 0.5, 0.5, 0], pr.Select(p => p.Recall));
        Assert.Equal([0.5, 2.0 / 3, 0.5, 1, 1], pr.Select(p => p.Precision));
        Assert.Equal([0.1, 0.35, 0.4, 0.8, double.PositiveInfinity], pr.Select(p => p.Threshold));
    }

    [Fact]
    public void Tied_scores_make_one_point()
    {
        // Distinct scores 0.9, 0.7, 0.3, 0.2 -> 4 points plus the (0, 0) start; at 0.7: TP 2 of 3, FP 2 of 3.
        var predictions = PredictionData.FromScores([0.3, 0.7, 0.7, 0.7, 0.2, 0.9], [1, 0, 1, 0, 0, 1]);
        var roc = Curves.Roc(predictions);
        Assert.Equal(5, roc.Count);
        Assert.Equal(new RocPoint(2.0 / 3, 2.0 / 3, 0.7), roc[2]);
        Assert.Equal(5, Curves.PrecisionRecall(predictions).Count);
    }

    [Fact]
    public void Average_precision_is_the_step_integral_of_the_PR_curve()
    {
        // sklearn: AP = -sum(diff(recall) * precision[:-1]).
        var predictions = PredictionData.Synthetic(patients: 5, perPatient: 200, seed: 12);
        var pr = Curves.PrecisionRecall(predictions);
        var ap = 0.0;
        for (var i = 0; i < pr.Count - 1; i++) ap -= (pr[i + 1].Recall - pr[i].Recall) * pr[i].Precision;
        Assert.Equal(ap, Metrics.Compute(predictions).AveragePrecision!.Value, 12);
    }

    [Fact]
    public void Undefined_curves_are_empty()
    {
        var negativesOnly = PredictionData.FromScores([0.2, 0.6], [0, 0]);
        var positivesOnly = PredictionData.FromScores([0.2, 0.6], [1, 1]);
        Assert.Empty(Curves.Roc(negativesOnly));
        Assert.Empty(Curves.Roc(positivesOnly));
        Assert.Empty(Curves.PrecisionRecall(negativesOnly));
        // Without class 0 the PR curve is defined: precision 1 throughout.
        Assert.Equal([1.0, 1.0, 1.0], Curves.PrecisionRecall(positivesOnly).Select(p => p.Precision));
    }
}
