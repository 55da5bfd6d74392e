namespace IdcRepro.Evaluation;

/// <summary>
/// A decision threshold on P1 picked by <see cref="ThresholdSearch"/>, the balanced accuracy it gave on the predictions
/// it was chosen on, and how many candidate thresholds were weighed (0 when every score was the same and 0.5 was kept).
/// </summary>
public sealed record ChosenThreshold(double Threshold, double BalancedAccuracy, int Candidates)
{
    /// <summary>The rule to apply the threshold with (class 1 when P1 &gt; <see cref="Threshold"/>).</summary>
    public DecisionRule Rule => DecisionRule.AtThreshold(Threshold);
}
