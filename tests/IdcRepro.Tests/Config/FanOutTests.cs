using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Config;

/// <summary>The runs a config fans out to: folds x seeds, fold-major, each named for its place.</summary>
public sealed class FanOutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private IdcConfig Load(params string[] sets) =>
        ConfigLoader.Load(_temp.File("cv.yaml", "name: cv\ndata:\n  source: synthetic\n"), sets);

    private static readonly string[] KFold =
        ["split.strategy=patient_kfold", "split.folds=3", "split.validation_fraction=0.2"];

    [Fact]
    public void A_patient_kfold_fans_out_to_one_run_per_fold_with_split_fold_set()
    {
        var runs = Load(KFold).Runs();
        Assert.Equal([("cv-fold0", 0), ("cv-fold1", 1), ("cv-fold2", 2)], runs.Select(r => (r.Name, r.Split.Fold)));
        Assert.All(runs, r => Assert.Equal(42, r.Train.Seed));
        Assert.Equal(new FanOut(3, null).Count, runs.Count);
    }

    [Fact]
    public void Folds_and_seeds_fan_out_fold_major_with_both_in_the_name()
    {
        var config = Load([.. KFold, "seeds=[7, 1]"]);
        var runs = config.Runs();
        Assert.Equal(
            [("cv-fold0-seed7", 0, 7), ("cv-fold0-seed1", 0, 1), ("cv-fold1-seed7", 1, 7), ("cv-fold1-seed1", 1, 1),
                ("cv-fold2-seed7", 2, 7), ("cv-fold2-seed1", 2, 1)],
            runs.Select(r => (r.Name, r.Split.Fold, r.Train.Seed)));
        var fanOut = config.FanOut();
        Assert.Equal(runs.Select(r => ((int?)r.Split.Fold, (int?)r.Train.Seed)),
            Enumerable.Range(0, fanOut.Count).Select(fanOut.Place));
    }

    [Fact]
    public void Seeds_alone_keep_their_names_and_a_plain_config_is_one_run()
    {
        Assert.Equal([("cv-seed3", 3), ("cv-seed5", 5)],
            Load("seeds=[3, 5]").Runs().Select(r => (r.Name, r.Train.Seed)));
        Assert.Equal(["cv"], Load().Runs().Select(r => r.Name));
        Assert.Equal((null, null), Load().FanOut().Place(0));
    }

    [Fact]
    public void A_fold_set_in_the_config_is_overridden_by_the_fan_out_and_one_run_is_picked_by_name()
    {
        var config = Load([.. KFold, "split.fold=2"]);
        Assert.Equal([0, 1, 2], config.Runs().Select(r => r.Split.Fold));
        var one = Assert.Single(RunSpec.Select(config, "cv-fold1"));
        Assert.Equal(1, one.Config.Split.Fold);
        Assert.Equal(3, one.Family.Count);
        Assert.Contains("cv-fold0, cv-fold1, cv-fold2",
            Assert.Throws<ConfigException>(() => RunSpec.Select(config, "cv-fold9")).Message);
    }
}
