using IdcRepro.Sampling;

namespace IdcRepro.Training;

/// <summary>
/// Everything random about one training epoch, drawn on the host from <c>SeededRandom(seed, stream: epoch)</c> in this
/// order: torch's seed (for dropout), the shuffled patch order, one <see cref="PatchTransform"/> per position. It
/// depends only on (seed, epoch, patch count, augment config), which is what makes a resumed run continue exactly.
/// </summary>
public sealed record EpochPlan(int Epoch, long TorchSeed, int[] Order, PatchTransform[] Transforms)
{
    public static EpochPlan Create(long seed, int epoch, int count, Augmenter augmenter)
    {
        var random = new SeededRandom(seed, stream: epoch);
        var torchSeed = NextTorchSeed(random);
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var transforms = new PatchTransform[count];
        for (var i = 0; i < count; i++) transforms[i] = augmenter.Draw(random);
        return new EpochPlan(epoch, torchSeed, order, transforms);
    }

    /// <summary>The seed for the model's initial weights: stream 0, before any epoch.</summary>
    public static long InitialTorchSeed(long seed) => NextTorchSeed(new SeededRandom(seed, stream: 0));

    private static long NextTorchSeed(SeededRandom random) => (long)(random.NextUInt64() >> 1);
}
