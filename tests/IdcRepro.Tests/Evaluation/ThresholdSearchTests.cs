using IdcRepro.Evaluation;

namespace IdcRepro.Tests.Evaluation;

public sealed class ThresholdSearchTests
{
    [Fact]
    public void Picks_the_midpoint_that_maximises_balanced_accuracy()
    {
        // scores 0.1 0.2 0.3 | 0.4 0.6 0.7, labels 0 0 1 | 0 1 1. Candidates (midpoints) and (recall, specificity):
        // 0.15: (3/3, 1/3) 0.667; 0.25: (3/3, 2/3) 0.833; 0.35: (2/3, 2/3) 0.667; 0.5: (2/3, 3/3) 0.833; 0.65: (1/3,
        // 3/3) 0.667.
        // 0.25 and 0.5 tie at 5/6: 0.5 is closer to 0.5.
        var chosen = ThresholdSearch.MaximiseBalancedAccuracy(
            PredictionData.FromScores([0.1, 0.2, 0.3, 0.4, 0.6, 0.7], [0, 0, 1, 0, 1, 1]));
        Assert.Equal(0.5, chosen.Threshold, 15);
        Assert.Equal(5.0 / 6, chosen.BalancedAccuracy, 15);
        Assert.Equal(5, chosen.Candidates);
    }

    [Fact]
    public void A_lower_threshold_wins_when_it_is_strictly_better()
    {
        // Scores all below 0.5: argmax calls everything non-IDC (balanced accuracy 0.5); the best cut is 0.25
        // (perfect).
        var predictions = PredictionData.FromScores([0.1, 0.2, 0.3, 0.35], [0, 0, 1, 1]);
        var chosen = ThresholdSearch.MaximiseBalancedAccuracy(predictions);
        Assert.Equal(0.25, chosen.Threshold, 15);
        Assert.Equal(1.0, chosen.BalancedAccuracy);
        Assert.Equal(0.5, Metrics.Compute(predictions).BalancedAccuracy);
        Assert.Equal(1.0, Metrics.Compute(predictions, chosen.Rule).BalancedAccuracy);
    }

    [Fact]
    public void Equally_good_thresholds_equally_far_from_one_half_resolve_to_the_lower()
    {
        // scores 0.2 0.3 0.7 0.8, labels 0 1 0 1. Candidates 0.25: (recall 1, specificity 1/2) 0.75; 0.5: (1/2, 1/2)
        // 0.5; 0.75: (1/2, 1) 0.75. 0.25 and 0.75 tie and lie 0.25 from 0.5 each: the lower.
        var chosen = ThresholdSearch.MaximiseBalancedAccuracy(
            PredictionData.FromScores([0.2, 0.3, 0.7, 0.8], [0, 1, 0, 1]));
        Assert.Equal(0.25, chosen.Threshold, 15);
        Assert.Equal(0.75, chosen.BalancedAccuracy);
    }

    [Fact]
    public void The_choice_is_the_best_of_all_candidates_by_brute_force_and_ignores_input_order()
    {
        var predictions = PredictionData.Synthetic(patients: 6, perPatient: 60, seed: 12);
        var chosen = ThresholdSearch.MaximiseBalancedAccuracy(predictions);
        var scores = predictions.Select(p => p.P1).Distinct().Order().ToArray();
        var best = Enumerable.Range(0, scores.Length - 1)
            .Select(i => Metrics.Compute(predictions, DecisionRule.AtThreshold((scores[i] + scores[i + 1]) / 2))
                .BalancedAccuracy!.Value)
            .Max();
        Assert.Equal(scores.Length - 1, chosen.Candidates);
        Assert.Equal(best, chosen.BalancedAccuracy, 14);
        Assert.Equal(chosen.BalancedAccuracy, Metrics.Compute(predictions, chosen.Rule).BalancedAccuracy);
        Assert.Equal(chosen, ThresholdSearch.MaximiseBalancedAccuracy(PredictionData.Shuffled(predictions, 3)));
    }

    [Fact]
    public void One_distinct_score_keeps_one_half_and_one_class_is_refused()
    {
        var flat = ThresholdSearch.MaximiseBalancedAccuracy(PredictionData.FromScores([0.7, 0.7], [0, 1]));
        Assert.Equal((0.5, 0.5, 0), (flat.Threshold, flat.BalancedAccuracy, flat.Candidates));
        var e = Assert.Throws<ArgumentException>(() =>
            ThresholdSearch.MaximiseBalancedAccuracy(PredictionData.FromScores([0.2, 0.7], [1, 1])));
        Assert.Contains("needs both classes", e.Message);
        Assert.Throws<ArgumentException>(() => ThresholdSearch.MaximiseBalancedAccuracy([]));
        Assert.Throws<ArgumentException>(() => ThresholdSearch.MaximiseBalancedAccuracy(
            [new Prediction(0, 0.5, double.NaN, "a"), new Prediction(1, 0.5, 0.6, "a")]));
    }
}
