using IdcRepro.Synthetic;

namespace IdcRepro.Tests.Synthetic;

public sealed class IdcQuotaTests
{
    [Theory]
    [InlineData(0.28)]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void TheQuotas_AddUpToTheTargetShare_WithinEachPatientsPatches(double fraction)
    {
        int[] patches = [180, 240, 95, 12, 3, 1];
        double[] weights = [0.4, 1.6, 1.0, 1.2, 0.8, 1.0];

        var quota = IdcQuota.Allocate(patches, weights, fraction);

        Assert.Equal((int)Math.Round(fraction * patches.Sum()), quota.Sum());
        for (var i = 0; i < patches.Length; i++) Assert.InRange(quota[i], 0, patches[i]);
    }

    [Fact]
    public void PatientsWithMoreWeight_GetALargerShare()
    {
        var quota = IdcQuota.Allocate([200, 200], [0.5, 1.5], 0.3);
        Assert.Equal(120, quota.Sum());
        Assert.True(quota[1] > 2 * quota[0], $"quotas {quota[0]} and {quota[1]}");
    }

    [Fact]
    public void EveryPatientKeepsBothClasses_WhereTheTargetAllows()
    {
        var quota = IdcQuota.Allocate([100, 100, 100], [0.1, 1, 3], 0.5);
        Assert.All(quota, q => Assert.InRange(q, 1, 99));
    }
}
