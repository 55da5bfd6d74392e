using IdcRepro.Evaluation;

namespace IdcRepro.Tests.Evaluation;

public sealed class MetricsTests
{
    [Fact]
    public void Sklearn_documentation_example()
    {
        // sklearn's docs: y_true [0, 0, 1, 1], y_score [0.1, 0.4, 0.35, 0.8] -> roc_auc 0.75, average_precision 0.8333.
        var m = Metrics.Compute(PredictionData.FromScores([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]));

        // ROC AUC: pairs (pos, neg): 0.35 > 0.1 yes, 0.35 > 0.4 no, 0.8 > both -> 3 of 4 = 0.75.
        Assert.Equal(0.75, m.RocAuc);
        // AP, thresholds high to low: 0.8 (pos) R 1/2 P 1/1; 0.4 (neg) R unchanged; 0.35 (pos) R 2/2 P 2/3;
        // AP = 1/2 * 1 + 1/2 * 2/3 = 5/6 = 0.8333.
        Assert.Equal(5.0 / 6, m.AveragePrecision!.Value, 15);
        // Argmax with P0 = 1 - P1: 0.1 -> 0 (TN), 0.4 -> 0 (TN), 0.35 -> 0 (FN), 0.8 -> 1 (TP).
        Assert.Equal(new ConfusionMatrix(2, 0, 1, 1), m.Confusion);
        Assert.Equal(0.75, m.Accuracy);            // 3 / 4
        Assert.Equal(0.5, m.Recall);               // 1 / 2
        Assert.Equal(1.0, m.Specificity);          // 2 / 2
        Assert.Equal(1.0, m.Precision);            // 1 / 1
        Assert.Equal(0.75, m.BalancedAccuracy);    // (0.5 + 1) / 2
        Assert.Equal(2.0 / 3, m.F1!.Value, 15);    // 2*1 / (2*1 + 0 + 1)
        // Keras: outputs (p0 > 0.5, p1 > 0.5) vs one-hot: (0.9, 0.1)/[1,0] 2 right; (0.6, 0.4)/[1,0] 2;
        // (0.65, 0.35)/[0,1] 0; (0.2, 0.8)/[0,1] 2 -> 6 of 8 = 0.75.
        Assert.Equal(0.75, m.KerasBinaryAccuracy);
        Assert.Equal(4, m.Patches);
        Assert.Equal(1, m.Patients);
    }

    [Fact]
    public void Tied_scores_count_half_in_ROC_AUC_and_as_one_threshold_in_AP()
    {
        // scores [0.3, 0.7, 0.7, 0.7, 0.2, 0.9], labels [1, 0, 1, 0, 0, 1]: positives 0.3, 0.7, 0.9; negatives 0.7,
        // 0.7, 0.2.
        var m = Metrics.Compute(PredictionData.FromScores([0.3, 0.7, 0.7, 0.7, 0.2, 0.9], [1, 0, 1, 0, 0, 1]));

        // Pairs: pos 0.3 beats 0.2 (1), loses to both 0.7 (0) -> 1; pos 0.7 beats 0.2 (1), ties two 0.7 (1/2 + 1/2) ->
        // 2; pos 0.9 beats all three -> 3. AUC = 6 / 9 = 2/3.
        Assert.Equal(2.0 / 3, m.RocAuc!.Value, 15);
        // AP, thresholds high to low: 0.9: TP 1 FP 0, R 1/3, P 1 -> 1/3; 0.7: TP 2 FP 2, R 2/3, P 1/2 -> 1/6;
        // 0.3: TP 3 FP 2, R 1, P 3/5 -> 1/5; 0.2: no positive, R unchanged. AP = 1/3 + 1/6 + 1/5 = 0.7.
        Assert.Equal(0.7, m.AveragePrecision!.Value, 15);
    }

    [Fact]
    public void Perfect_classifier_scores_one_everywhere()
    {
        var m = Metrics.Compute(PredictionData.FromScores([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]));
        Assert.Equal(new ConfusionMatrix(2, 0, 0, 2), m.Confusion);
        Assert.All(m.Named(), kv => Assert.Equal(1.0, kv.Value));
    }

    [Fact]
    public void Perfectly_inverted_ranking_has_ROC_AUC_zero()
    {
        // Every positive below every negative: 0 of 4 pairs. AP: thresholds 0.9 (neg), 0.8 (neg), 0.2 (pos) TP 1 FP 2,
        // R 1/2 P 1/3; 0.1 (pos) TP 2 FP 2, R 1 P 1/2 -> AP = 1/6 + 1/4 = 5/12.
        var m = Metrics.Compute(PredictionData.FromScores([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]));
        Assert.Equal(0.0, m.RocAuc);
        Assert.Equal(5.0 / 12, m.AveragePrecision!.Value, 15);
    }

    [Fact]
    public void Only_class_1_leaves_class_0_metrics_and_ROC_AUC_undefined()
    {
        // scores [0.2, 0.7, 0.9], all IDC: argmax 0, 1, 1 -> FN 1, TP 2.
        var m = Metrics.Compute(PredictionData.FromScores([0.2, 0.7, 0.9], [1, 1, 1]));
        Assert.Equal(new ConfusionMatrix(0, 0, 1, 2), m.Confusion);
        Assert.Equal(2.0 / 3, m.Accuracy!.Value, 15);
        Assert.Equal(2.0 / 3, m.Recall!.Value, 15);
        Assert.Equal(1.0, m.Precision);          // 2 / 2
        Assert.Equal(0.8, m.F1!.Value, 15);      // 4 / (4 + 0 + 1)
        Assert.Null(m.Specificity);
        Assert.Null(m.BalancedAccuracy);
        Assert.Null(m.RocAuc);
        Assert.Equal(1.0, m.AveragePrecision);   // precision 1 at every threshold
        // Keras: (0.8, 0.2)/[0,1] 0 right; (0.3, 0.7) 2; (0.1, 0.9) 2 -> 4 of 6.
        Assert.Equal(4.0 / 6, m.KerasBinaryAccuracy, 15);
    }

    [Fact]
    public void Only_class_0_leaves_recall_and_both_AUCs_undefined()
    {
        // scores [0.2, 0.6], both non-IDC: TN 1, FP 1.
        var m = Metrics.Compute(PredictionData.FromScores([0.2, 0.6], [0, 0]));
        Assert.Equal(new ConfusionMatrix(1, 1, 0, 0), m.Confusion);
        Assert.Equal(0.5, m.Accuracy);
        Assert.Equal(0.5, m.Specificity);
        Assert.Equal(0.0, m.Precision); // 0 / 1
        Assert.Equal(0.0, m.F1);        // 0 / (0 + 1 + 0)
        Assert.Null(m.Recall);
        Assert.Null(m.BalancedAccuracy);
        Assert.Null(m.RocAuc);
        Assert.Null(m.AveragePrecision);
        Assert.DoesNotContain(m.Named(), kv => kv.Value is double v && double.IsNaN(v));
    }

    [Fact]
    public void Keras_binary_accuracy_thresholds_each_output_at_0_5_strictly()
    {
        Prediction[] predictions =
        [
            new(1, 0.3, 0.9, "a"), // rounded (0, 1) vs one-hot (0, 1): 2 right; argmax 1, right
            new(0, 0.6, 0.7, "a"), // rounded (1, 1) vs (1, 0): 1 right;            argmax 1, wrong
            new(1, 0.5, 0.5, "a"), // rounded (0, 0) (0.5 is not > 0.5) vs (0, 1): 1; argmax tie -> 0, wrong
            new(0, 0.2, 0.1, "a"), // rounded (0, 0) vs (1, 0): 1 right;            argmax 0, right
        ];
        var m = Metrics.Compute(predictions);
        Assert.Equal(0.625, m.KerasBinaryAccuracy); // (2 + 1 + 1 + 1) / 8
        Assert.Equal(0.5, m.Accuracy);              // 2 / 4
    }

    [Fact]
    public void Result_does_not_depend_on_input_order()
    {
        var predictions = PredictionData.Synthetic(patients: 6, perPatient: 40, seed: 3);
        Assert.Equal(Metrics.Compute(predictions), Metrics.Compute(PredictionData.Shuffled(predictions, 9)));
    }

    [Fact]
    public void ROC_AUC_equals_the_trapezoidal_area_under_the_ROC_curve()
    {
        var predictions = PredictionData.Synthetic(patients: 5, perPatient: 200, seed: 11);
        var roc = Curves.Roc(predictions);
        var area = 0.0;
        for (var i = 1; i < roc.Count; i++)
            area += (roc[i].FalsePositiveRate - roc[i - 1].FalsePositiveRate)
                * (roc[i].TruePositiveRate + roc[i - 1].TruePositiveRate) / 2;
        Assert.Equal(area, Metrics.Compute(predictions).RocAuc!.Value, 12);
    }

    [Fact]
    public void The_default_decision_is_argmax_and_a_threshold_decides_on_p1_alone()
    {
        var predictions = PredictionData.Synthetic(patients: 4, perPatient: 50, seed: 21);
        Assert.Equal(Metrics.Compute(predictions), Metrics.Compute(predictions, DecisionRule.Argmax));
        Assert.Equal(ConfusionMatrix.Of(predictions), ConfusionMatrix.Of(predictions, default));

        Prediction[] few =
        [
            new(1, 0.1, 0.3, "a"), // argmax 1 (TP);  p1 > 0.35: 0 (FN)
            new(0, 0.5, 0.4, "a"), // argmax 0 (TN);  p1 > 0.35: 1 (FP)
            new(1, 0.2, 0.9, "a"), // argmax 1 (TP);  p1 > 0.35: 1 (TP)
            new(0, 0.1, 0.2, "a"), // argmax 1 (FP);  p1 > 0.35: 0 (TN)
        ];
        Assert.Equal(new ConfusionMatrix(1, 1, 0, 2), Metrics.Compute(few).Confusion);
        var thresholded = Metrics.Compute(few, DecisionRule.AtThreshold(0.35));
        Assert.Equal(new ConfusionMatrix(1, 1, 1, 1), thresholded.Confusion);
        // Ranking metrics and Keras' per-output accuracy do not depend on the decision.
        Assert.Equal(Metrics.Compute(few).RocAuc, thresholded.RocAuc);
        Assert.Equal(Metrics.Compute(few).KerasBinaryAccuracy, thresholded.KerasBinaryAccuracy);
        Assert.Equal("p1 > 0.35", DecisionRule.AtThreshold(0.35).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionRule.AtThreshold(double.NaN));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Metrics.Compute([]));
        Assert.Throws<ArgumentException>(() => Metrics.Compute([new Prediction(2, 0.1, 0.9, "a")]));
        Assert.Throws<ArgumentException>(() => Metrics.Compute([new Prediction(1, double.NaN, 0.9, "a")]));
        Assert.Throws<ArgumentException>(() => Metrics.Compute([new Prediction(1, 0.1, double.PositiveInfinity, "a")]));
    }
}
