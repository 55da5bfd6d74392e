using IdcRepro.Config;
using IdcRepro.Torch;
using IdcRepro.Training;
using static TorchSharp.torch;

namespace IdcRepro.Tests.Training;

public sealed class EpochPlanTests
{
    [Fact]
    public void An_epoch_s_order_transforms_and_torch_seed_depend_only_on_seed_and_epoch()
    {
        TorchRuntime.EnsureLoaded();
        using var augmenter = new Augmenter(new AugmentConfig(), Normalizer.Rescale, CPU);

        var a = EpochPlan.Create(42, 3, 100, augmenter);
        var again = EpochPlan.Create(42, 3, 100, augmenter);
        var next = EpochPlan.Create(42, 4, 100, augmenter);

        Assert.Equal(a.Order, again.Order);
        Assert.Equal(a.Transforms, again.Transforms);
        Assert.Equal(a.TorchSeed, again.TorchSeed);
        Assert.NotEqual(a.Order, next.Order);
        Assert.NotEqual(a.TorchSeed, next.TorchSeed);
        Assert.Equal(Enumerable.Range(0, 100), a.Order.Order());
    }
}
