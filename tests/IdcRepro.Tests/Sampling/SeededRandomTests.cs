using IdcRepro.Sampling;

namespace IdcRepro.Tests.Sampling;

public sealed class SeededRandomTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        // Reference values of SplitMix64 (Vigna) from state 0.
        ulong x = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SeededRandom.SplitMix64(ref x));
        Assert.Equal(0x6E789E6AA1B965F4UL, SeededRandom.SplitMix64(ref x));
        Assert.Equal(0x06C45D188009454FUL, SeededRandom.SplitMix64(ref x));
    }

    [Fact]
    public void Same_seed_same_sequence_other_seed_or_stream_other_sequence()
    {
        static ulong[] Take(SeededRandom r) => Enumerable.Range(0, 8).Select(_ => r.NextUInt64()).ToArray();
        Assert.Equal(Take(new SeededRandom(42)), Take(new SeededRandom(42)));
        Assert.NotEqual(Take(new SeededRandom(42)), Take(new SeededRandom(43)));
        Assert.NotEqual(Take(new SeededRandom(42)), Take(new SeededRandom(42, stream: 1)));
    }

    [Fact]
    public void NextInt_is_in_range_and_roughly_uniform()
    {
        var r = new SeededRandom(1);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++) counts[r.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Shuffle_is_a_permutation()
    {
        var items = Enumerable.Range(0, 1000).ToArray();
        new SeededRandom(5).Shuffle(items);
        Assert.Equal(Enumerable.Range(0, 1000), items.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), items);
    }
}
