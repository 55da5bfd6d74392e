using IdcRepro.Config;
using IdcRepro.Sampling;

namespace IdcRepro.Tests.Sampling;

public sealed class UndersamplerTests
{
    // Rows 0..99: labels 1 for every 4th row (25 ones, 75 zeros).
    private static readonly int[] Labels = Enumerable.Range(0, 100).Select(i => i % 4 == 0 ? 1 : 0).ToArray();
    private static readonly SplitResult Split =
        new(Enumerable.Range(0, 60).ToArray(), Enumerable.Range(60, 20).ToArray(), Enumerable.Range(80, 20).ToArray());

    [Fact]
    public void Majority_is_cut_to_the_minority_count_in_the_named_sets_only()
    {
        var result = Undersampler.Apply(Split, Labels, new UndersampleConfig { Sets = [DataSet.Train, DataSet.Test] });
        Assert.Equal(new ClassCounts(45, 15), result.Counts[DataSet.Train].Before);
        Assert.Equal(new ClassCounts(15, 15), result.Counts[DataSet.Train].After);
        Assert.Equal(new ClassCounts(5, 5), result.Counts[DataSet.Test].After);
        Assert.Equal(Split.Validation, result.Sets.Validation);
        Assert.Equal(15, result.Sets.Train.Count(r => Labels[r] == 1));
        Assert.Equal(result.Sets.Train.Order(), result.Sets.Train);
    }

    [Fact]
    public void Same_seed_same_rows_other_seed_other_rows()
    {
        var config = new UndersampleConfig { Seed = 1 };
        Assert.Equal(Undersampler.Apply(Split, Labels, config).Sets.Train,
            Undersampler.Apply(Split, Labels, config).Sets.Train);
        Assert.NotEqual(Undersampler.Apply(Split, Labels, config).Sets.Train,
            Undersampler.Apply(Split, Labels, config with { Seed = 2 }).Sets.Train);
    }

    [Fact]
    public void None_keeps_everything()
    {
        var result = Undersampler.Apply(Split, Labels, new UndersampleConfig { Strategy = UndersampleStrategy.None });
        Assert.Equal(Split.Train, result.Sets.Train);
        Assert.Equal(result.Counts[DataSet.Test].Before, result.Counts[DataSet.Test].After);
    }

    [Fact]
    public void A_set_with_one_class_only_is_left_as_it_is()
    {
        var ones = new SplitResult([0, 4, 8], [], [12]);
        var result = Undersampler.Apply(ones, Labels, new UndersampleConfig());
        Assert.Equal([0, 4, 8], result.Sets.Train);
    }
}
