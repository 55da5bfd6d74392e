using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using IdcRepro.Stages;
using IdcRepro.Tests.TestSupport;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Stages;

public sealed class IndexStageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Real_sample_index_is_locked()
    {
        var ctx = TestRuns.Context(Path.Combine(RepoPaths.Configs, "sample.yaml"), _temp.Path);
        FetchStage.Run(ctx);
        var result = IndexStage.Run(ctx);
        var patches = IndexCsv.Read(Path.Combine(result.Directory, IndexCsv.FileName));

        // The figures ../shared/data/README.md gives for the sample.
        Assert.Equal(26_252, patches.Count);
        Assert.Equal(28, patches.Select(p => p.Patient).Distinct().Count());
        Assert.Equal(20_704, patches.Count(p => p.Label == 0));
        Assert.Equal(5_548, patches.Count(p => p.Label == 1));

        Snapshot.Match(new
        {
            dataset_sha256 = result.Stamp.Inputs["dataset"],
            index_sha256 = result.Stamp.Outputs[IndexCsv.FileName].Sha256,
            facts = result.Stamp.Facts.ToDictionary(f => f.Key, f => f.Value.ToString()),
            per_patient = patches.GroupBy(p => p.Patient).ToDictionary(g => g.Key, g => $"{g.Count(p => p.Label == 0)} / {g.Count(p => p.Label == 1)}"),
            first_rows = patches.Take(3).Select(p => p.ToString()),
        });
    }

    [Fact]
    public void Rerun_is_up_to_date_and_a_change_reruns_only_what_follows_it()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var artifacts = Path.Combine(_temp.Path, "artifacts");
        (bool Fetch, bool Index) Run(params string[] sets)
        {
            var ctx = TestRuns.Context(config, artifacts, false, sets);
            return (FetchStage.Run(ctx).Ran, IndexStage.Run(ctx).Ran);
        }

        Assert.Equal((true, true), Run());
        Assert.Equal((false, false), Run());
        Assert.Equal((false, true), Run("index.first=10"));        // index section only: Fetch stays
        Assert.Equal((true, true), Run("data.synthetic.seed=4"));  // data section: both
        Assert.Equal((false, false), Run());                       // the first variant's outputs are still there
    }

    [Fact]
    public void Index_needs_fetch_first_and_says_so()
    {
        var ctx = TestRuns.Context(TestRuns.TinySyntheticConfig(_temp), _temp.Path);
        var e = Assert.Throws<StageException>(() => IndexStage.Run(ctx));
        Assert.Contains("Fetch has not run for this config", e.Message);
    }
}
