using IdcRepro.Fetch;
using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Indexing;

public sealed class IndexStageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Real_sample_index_is_locked()
    {
        var run = new TestRun(Path.Combine(RepoPaths.Configs, "sample.yaml"), _temp.Path);
        var result = run.Stage(Graph.Index);
        var patches = IndexCsv.Read(Path.Combine(result.Directory, IndexCsv.FileName));

        // The figures ../shared/data/README.md gives for the sample.
        Assert.Equal(26_252, patches.Count);
        Assert.Equal(28, patches.Select(p => p.Patient).Distinct().Count());
        Assert.Equal(20_704, patches.Count(p => p.Label == 0));
        Assert.Equal(5_548, patches.Count(p => p.Label == 1));

        Snapshot.Match(new
        {
            dataset_sha256 = run.Read(Graph.Fetch, FetchStage.Read).Sha256,
            index_sha256 = result.Stamp.Outputs[IndexCsv.FileName].Sha256,
            facts = result.Stamp.Facts.ToDictionary(f => f.Key, f => f.Value.ToString()),
            per_patient = patches.GroupBy(p => p.Patient)
                .ToDictionary(g => g.Key, g => $"{g.Count(p => p.Label == 0)} / {g.Count(p => p.Label == 1)}"),
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
            var run = new TestRun(config, artifacts, sets);
            return (run.Stage(Graph.Fetch).Ran, run.Stage(Graph.Index).Ran);
        }

        Assert.Equal((true, true), Run());
        Assert.Equal((false, false), Run());
        Assert.Equal((false, true), Run("index.first=10"));        // index section only: Fetch stays
        Assert.Equal((true, true), Run("data.synthetic.seed=4"));  // data section: both
        Assert.Equal((false, false), Run());                       // the first variant's outputs are still there
    }

    [Fact]
    public void Index_alone_fetches_first_and_a_read_of_a_stage_that_never_ran_says_how_to_make_it()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var e = Assert.Throws<StageException>(() => new TestRun(config, _temp.Path).Folder(Graph.Fetch));
        Assert.Contains("Fetch has not run for tiny", e.Message);
        Assert.Contains("--target Fetch", e.Message);

        var run = new TestRun(config, _temp.Path);
        Assert.True(run.Stage(Graph.Index).Ran);
        Assert.Contains("Fetch: done", run.Output);
    }
}
