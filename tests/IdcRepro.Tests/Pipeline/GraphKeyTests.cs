using IdcRepro.Config;
using IdcRepro.Fetch;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;

namespace IdcRepro.Tests.Pipeline;

/// <summary>
/// A stage's key covers exactly what it reads: a stage is handed nothing it did not declare, a change to any declared
/// input reruns that stage and the stages below it (and nothing above), and a rerun whose output comes out
/// byte-identical stops there.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class GraphKeyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Quick = ["train.epochs=1", "train.threads=2", "evaluate.bootstrap_resamples=20"];

    private string[] Ran(string config, params string[] sets) =>
        new TestRun(config, _temp.PathOf("artifacts"), [.. Quick, .. sets]).Through(Graph.Report);

    [Fact]
    public void A_stage_that_reads_what_it_did_not_declare_fails()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var run = new TestRun(config, _temp.PathOf("artifacts"));
        run.Stage(Graph.Index);
        var sneaky = Graph.Preprocess with
        {
            Name = "Sneaky",
            Reads = [new(Graph.Index)],  // reads Fetch's dataset too, without saying so
            Produce = stageRun => { stageRun.Input(Graph.Fetch, FetchStage.Read); return StageProducts.None; },
        };
        var wrongSection = Graph.Index with
        {
            Name = "WrongSection",
            Produce = stageRun => { stageRun.Section<TrainConfig>(); return StageProducts.None; }
        };
        var family = Graph.Index with
        {
            Name = "Family",
            Produce = stageRun => { stageRun.FamilyInputs(Graph.Fetch); return StageProducts.None; }
        };

        var e = Assert.Throws<UndeclaredReadException>(() => run.Runner.Run(sneaky, run.Run));
        Assert.Contains("Sneaky read Fetch without declaring it (it declares: Index)", e.Message);
        Assert.Contains("declares 'index'",
            Assert.Throws<UndeclaredReadException>(() => run.Runner.Run(wrongSection, run.Run)).Message);
        Assert.Contains("Family read Fetch of every run of the family without declaring it",
            Assert.Throws<UndeclaredReadException>(() => run.Runner.Run(family, run.Run)).Message);
    }

    [Fact]
    public void Every_stage_reads_only_stages_before_it_and_the_table_gives_the_cake_tasks_their_order()
    {
        var seen = new HashSet<string>();
        foreach (var stage in Graph.Stages)
        {
            Assert.All(stage.Reads, read => Assert.Contains(read.Stage.Name, seen));
            Assert.True(seen.Add(stage.Name), $"{stage.Name} appears twice");
        }
        Assert.Equal(["Fetch", "Index", "Preprocess", "Split", "Undersample", "Train", "Evaluate", "CrossValidate"],
            Graph.Upstream(Graph.Report).Select(s => s.Name));
        Assert.Equal(["Fetch", "Index"], Graph.Upstream(Graph.Preprocess).Select(s => s.Name));
    }

    [Fact]
    public void Changing_each_declared_input_reruns_exactly_the_stages_below_it()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        string[] all =
            ["Fetch", "Index", "Preprocess", "Split", "Undersample", "Train", "Evaluate", "CrossValidate", "Report"];
        Assert.Equal(all, Ran(config));
        Assert.Empty(Ran(config));

        Assert.Equal(all, Ran(config, "data.synthetic.seed=4"));                 // data: everything
        Assert.Equal(all[1..], Ran(config, "index.first=40"));                   // index: from Index on
        Assert.Equal(all[2..], Ran(config, "preprocess.size=40"));               // preprocess: new pixels
        Assert.Equal(all[3..], Ran(config, "split.seed=7"));
        Assert.Equal(all[4..], Ran(config, "undersample.seed=3"));
        Assert.Equal(all[5..], Ran(config, "train.learning_rate=3e-4"));         // the old "a new learning rate" rule
        Assert.Equal(all[6..], Ran(config, "evaluate.bootstrap_resamples=30"));
        Assert.Equal(["Report"], Ran(config, "description=another description")); // the report shows the whole config

        // A rerun whose output is byte-identical stops the cascade: Preprocess runs for the new setting, makes the same
        // cache (no patch is corrupt), and Split keys on that content, so nothing below it runs but the report, which
        // shows the whole config.
        Assert.Equal(["Preprocess", "Report"], Ran(config, "preprocess.on_corrupt=skip"));
        Assert.Empty(Ran(config));
    }
}
