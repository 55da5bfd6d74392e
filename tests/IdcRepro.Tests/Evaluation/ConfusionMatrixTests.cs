using IdcRepro.Evaluation;

namespace IdcRepro.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Blog_reference_run_gives_the_published_rates()
    {
        // The blog-protocol reference run: [[688, 124], [218, 594]], rows true class 0 and 1.
        var predictions = Enumerable.Empty<Prediction>()
            .Concat(Enumerable.Repeat(new Prediction(0, 0.9, 0.1, "a"), 688)) // TN
            .Concat(Enumerable.Repeat(new Prediction(0, 0.2, 0.8, "a"), 124)) // FP
            .Concat(Enumerable.Repeat(new Prediction(1, 0.7, 0.3, "b"), 218)) // FN
            .Concat(Enumerable.Repeat(new Prediction(1, 0.1, 0.9, "b"), 594)) // TP
            .ToArray();

        var m = ConfusionMatrix.Of(predictions);

        Assert.Equal([[688L, 124L], [218L, 594L]], m.ToRows());
        Assert.Equal(1624, m.Total);
        // accuracy = (688 + 594) / 1624 = 1282 / 1624 = 0.789409
        Assert.Equal(0.78941, m.Accuracy!.Value, 5);
        // specificity = 688 / 812 = 0.847291, recall = 594 / 812 = 0.731527, mean = 1282 / 1624 (classes balanced)
        Assert.Equal(688.0 / 812, m.Specificity!.Value, 12);
        Assert.Equal(594.0 / 812, m.Recall!.Value, 12);
        Assert.Equal(0.78941, m.BalancedAccuracy!.Value, 5);
        // precision = 594 / (594 + 124) = 594 / 718 = 0.827298
        Assert.Equal(594.0 / 718, m.Precision!.Value, 12);
        // F1 = 2 * 594 / (2 * 594 + 124 + 218) = 1188 / 1530 = 0.776471
        Assert.Equal(0.7765, m.F1!.Value, 4);
        Assert.Equal(1188.0 / 1530, m.F1!.Value, 12);

        // The same through Metrics.Compute.
        var set = Metrics.Compute(predictions);
        Assert.Equal(m, set.Confusion);
        Assert.Equal(2, set.Patients);
        Assert.Equal(0.78941, set.Accuracy!.Value, 5);
        Assert.Equal(0.78941, set.BalancedAccuracy!.Value, 5);
        Assert.Equal(0.7765, set.F1!.Value, 4);
    }

    [Fact]
    public void Argmax_ties_go_to_class_0()
    {
        var m = ConfusionMatrix.Of([new Prediction(1, 0.5, 0.5, "a"), new Prediction(0, 0.4, 0.4, "a")]);
        Assert.Equal(new ConfusionMatrix(TrueNegatives: 1, FalsePositives: 0, FalseNegatives: 1, TruePositives: 0), m);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of([new Prediction(-1, 0.5, 0.4, "a")]));
    }

    [Fact]
    public void Undefined_rates_are_null_not_NaN()
    {
        // Only class 0, nothing predicted positive: TN = 2.
        var negativesOnly = new ConfusionMatrix(2, 0, 0, 0);
        Assert.Equal(1.0, negativesOnly.Accuracy);
        Assert.Equal(1.0, negativesOnly.Specificity);
        Assert.Null(negativesOnly.Recall);          // 0 / 0
        Assert.Null(negativesOnly.Precision);       // 0 / 0
        Assert.Null(negativesOnly.BalancedAccuracy); // recall missing
        Assert.Null(negativesOnly.F1);              // 2*0 / (0 + 0 + 0)

        // A false positive makes precision 0 / 1 = 0 and F1 0 / (0 + 1 + 0) = 0, both defined.
        var oneFalsePositive = new ConfusionMatrix(1, 1, 0, 0);
        Assert.Equal(0.0, oneFalsePositive.Precision);
        Assert.Equal(0.0, oneFalsePositive.F1);
        Assert.Equal(0.5, oneFalsePositive.Specificity);

        // Precision undefined (no positive predictions) but F1 = 2*0 / (0 + 0 + 3) = 0, as sklearn's formula gives.
        var missedAll = new ConfusionMatrix(0, 0, 3, 0);
        Assert.Null(missedAll.Precision);
        Assert.Equal(0.0, missedAll.Recall);
        Assert.Equal(0.0, missedAll.F1);

        Assert.Null(new ConfusionMatrix(0, 0, 0, 0).Accuracy);
    }
}
