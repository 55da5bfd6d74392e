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

    [Fact]
    public void The_draw_sequence_of_the_default_augmentation_is_locked()
    {
        // Existing CPU training snapshots depend on exactly these draws (torch seed, order, then per patch: angle,
        // flips).
        TorchRuntime.EnsureLoaded();
        using var augmenter = new Augmenter(new AugmentConfig(), Normalizer.Rescale, CPU);
        var plan = EpochPlan.Create(42, 3, 6, augmenter);
        Snapshooter.Xunit.Snapshot.Match(new
        {
            torch_seed = plan.TorchSeed,
            order = plan.Order,
            transforms = plan.Transforms.Select(t =>
                FormattableString.Invariant($"{t.AngleDegrees:R} {t.FlipHorizontal} {t.FlipVertical}")),
        });
    }

    [Fact]
    public void Colour_jitter_keeps_the_torch_seed_order_and_first_geometry_and_is_the_same_for_a_seed()
    {
        TorchRuntime.EnsureLoaded();
        using var plain = new Augmenter(new AugmentConfig(), Normalizer.Rescale, CPU);
        using var colour = new Augmenter(
            new AugmentConfig { Color = new ColorJitterConfig { Brightness = 0.2, Hue = 0.05 } },
            Normalizer.Rescale, CPU);

        var before = EpochPlan.Create(42, 3, 50, plain);
        var a = EpochPlan.Create(42, 3, 50, colour);
        var again = EpochPlan.Create(42, 3, 50, colour);

        Assert.Equal(a.Transforms, again.Transforms);
        Assert.Equal(before.TorchSeed, a.TorchSeed);
        Assert.Equal(before.Order, a.Order);
        // a patch's colour draws follow its geometry
        Assert.Equal(before.Transforms[0], a.Transforms[0] with { Color = null });
        Assert.All(a.Transforms, t => Assert.NotNull(t.Color));
        Assert.NotEqual(a.Transforms, EpochPlan.Create(43, 3, 50, colour).Transforms);
    }
}
