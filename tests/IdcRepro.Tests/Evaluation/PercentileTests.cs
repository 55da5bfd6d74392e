using IdcRepro.Evaluation;

namespace IdcRepro.Tests.Evaluation;

public sealed class PercentileTests
{
    [Fact]
    public void Matches_numpy_linear_percentiles()
    {
        double[] x = [1, 2, 3, 4];
        // np.percentile([1, 2, 3, 4], 2.5): position 3 * 0.025 = 0.075 -> 1 + 0.075 * (2 - 1) = 1.075.
        Assert.Equal(1.075, Percentile.Linear(x, 0.025), 15);
        // 97.5: position 2.925 -> 3.925 (numpy lerps from the upper neighbour: 4 - (1 - 0.925) * 1).
        Assert.Equal(3.925, Percentile.Linear(x, 0.975), 15);
        Assert.Equal(2.5, Percentile.Linear(x, 0.5));
        Assert.Equal(1, Percentile.Linear(x, 0));
        Assert.Equal(4, Percentile.Linear(x, 1));
        // 0..999: position 999 * 0.025 = 24.975.
        Assert.Equal(24.975, Percentile.Linear(Enumerable.Range(0, 1000).Select(i => (double)i).ToArray(), 0.025), 12);
    }

    [Fact]
    public void One_value_is_every_percentile()
    {
        Assert.Equal(0.42, Percentile.Linear([0.42], 0.025));
        Assert.Equal(0.42, Percentile.Linear([0.42], 0.975));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Linear([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Linear([1.0], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Linear([1.0], double.NaN));
    }
}
