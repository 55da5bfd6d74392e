namespace IdcRepro.Evaluation;

/// <summary>
/// Quantiles of a sample, computed as numpy's default (<c>method="linear"</c>) does, to the last bit.
/// </summary>
public static class Percentile
{
    /// <summary>
    /// The <paramref name="q"/>-quantile (0..1) of <paramref name="sortedAscending"/>: linear interpolation at
    /// position (n - 1) q, like <c>np.quantile(x, q)</c> (numpy's lerp, which interpolates from the upper neighbour
    /// when the fraction is 0.5 or more).
    /// </summary>
    public static double Linear(IReadOnlyList<double> sortedAscending, double q)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        if (sortedAscending.Count == 0)
            throw new ArgumentException("No values to take a quantile of.", nameof(sortedAscending));
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies in [0, 1].");
        var position = (sortedAscending.Count - 1) * q;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sortedAscending.Count - 1);
        var fraction = position - below;
        var a = sortedAscending[below];
        var b = sortedAscending[above];
        var difference = b - a;
        return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction;
    }
}
