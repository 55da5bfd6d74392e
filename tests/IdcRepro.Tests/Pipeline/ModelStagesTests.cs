using IdcRepro.Config;
using IdcRepro.Evaluation;
using IdcRepro.Pipeline;
using IdcRepro.Reporting;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;
using IdcRepro.Training;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Pipeline;

/// <summary>Train, Evaluate, Report and predict through their stage shells.</summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ModelStagesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] ShortRealRun =
    [
        "index.first=4000", "train.epochs=2", "train.threads=2", "train.learning_rate=1e-4",
        "evaluate.bootstrap_resamples=200",
    ];

    private string[] RunThrough(string config, bool report, params string[] sets) =>
        new TestRun(config, _temp.Path, sets).Through(report ? Graph.Report : Graph.CrossValidate);

    [Fact]
    [Trait(Tier.Name, Tier.Long)]
    public void Short_deterministic_cpu_run_on_the_real_sample_is_locked()
    {
        var config = Path.Combine(RepoPaths.Configs, "sample.yaml");
        RunThrough(config, report: false, ShortRealRun);
        var run = new TestRun(config, _temp.Path, ShortRealRun);
        var train = run.Folder(Graph.Train);
        var metrics = run.Read(Graph.Evaluate, EvaluateStage.Read).Result;

        // Every figure of the run: the history (bit-identical on CPU for a fixed thread count) and the metrics.
        Snapshot.Match(new
        {
            history = File.ReadAllLines(Path.Combine(train, "history.csv")),
            best_epoch = TrainStage.Read(train).Summary.BestEpoch,
            metrics = metrics.Metrics,
            intervals = metrics.Intervals,
            confusion_matrix = metrics.ConfusionMatrix,
            test_patches = metrics.TestPatches,
            best_pt_sha256 = Hashing.FileSha256(Path.Combine(train, "best.pt")),
        });
    }

    [Fact]
    public void Demo_runs_to_a_report_and_a_learning_rate_change_reruns_train_evaluate_and_report_only()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        string[] quick = ["train.epochs=2", "train.threads=2", "evaluate.bootstrap_resamples=50"];
        Assert.Equal(
            ["Fetch", "Index", "Preprocess", "Split", "Undersample", "Train", "Evaluate", "CrossValidate", "Report"],
            RunThrough(config, report: true, quick));
        Assert.Empty(RunThrough(config, report: true, quick));
        Assert.Equal(["Train", "Evaluate", "CrossValidate", "Report"],
            RunThrough(config, report: true, [.. quick, "train.learning_rate=3e-4"]));

        var page = Path.Combine(_temp.Path, "runs", "tiny", "report", "report.html");
        Assert.True(File.Exists(page), page);
        Assert.Contains("accuracy", File.ReadAllText(page));
    }

    [Fact]
    [Trait(Tier.Name, Tier.Long)]
    public void Markdown_report_of_a_deterministic_run_is_locked()
    {
        // The demo, cut to 3 epochs.
        RunThrough(Path.Combine(RepoPaths.Configs, "demo.yaml"), report: true, "train.epochs=3", "train.threads=2",
            "evaluate.bootstrap_resamples=200");
        var markdown = File.ReadAllText(Path.Combine(_temp.Path, "runs", "demo", "report", "report.md"));

        // Everything but what legitimately differs between two runs of the same config: wall-clock times, the build,
        // the commit and where libtorch was loaded from.
        var stable = System.Text.RegularExpressions.Regex.Replace(markdown,
            @"(?m)^\| (Code version|Git commit|Device|Time: [A-Za-z]+) \|.*$", "| $1 | (varies) |");
        stable = System.Text.RegularExpressions.Regex.Replace(stable, @"took [0-9.]+ (s|min)[^.]*\.", "took (varies).");
        Assert.Contains("## Tissue maps", stable);
        Snapshot.Match(stable);
    }

    [Fact]
    public void Comparison_of_two_variants_renders_with_each_runs_own_numbers()
    {
        var a = TestRuns.TinySyntheticConfig(_temp);
        var b = _temp.File("tiny-lr.yaml", "extends: tiny.yaml\nname: tiny-lr\ntrain:\n  learning_rate: 3.0e-4\n");
        string[] quick = ["train.epochs=2", "train.threads=2", "evaluate.bootstrap_resamples=50"];
        var variants = new List<IdcRepro.Reporting.CompareVariant>();
        var metrics = new List<EvaluationResult>();
        foreach (var config in new[] { a, b })
        {
            RunThrough(config, report: false, quick);
            var run = new TestRun(config, _temp.Path, quick);
            var (report, pixels) = RunReportLoader.Load(run.Runner.Outputs(run.Run));
            pixels.Dispose();
            variants.Add(new IdcRepro.Reporting.CompareVariant(run.Config.Name, report.ConfigYaml,
                report with { Pixels = null }));
            metrics.Add(run.Read(Graph.Evaluate, EvaluateStage.Read).Result);
        }

        var written = IdcRepro.Reporting.CompareWriter.Write(_temp.PathOf("compare"), variants);
        var markdown = File.ReadAllText(written.Markdown);
        // the config difference is named (Markdown escapes the underscore)
        Assert.Contains(@"train.learning\_rate", markdown);
        foreach (var m in metrics)
            Assert.Contains(m.Metrics["accuracy"]!.Value.ToString("0.0000",
                System.Globalization.CultureInfo.InvariantCulture), markdown);
    }

    [Fact]
    public void Several_seeds_are_separate_cached_runs_sharing_the_data_and_the_report_shows_them_all()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        string[] sets = ["seeds=[1, 2]", "train.epochs=1", "train.threads=2", "evaluate.bootstrap_resamples=20"];
        var test = new TestRun(config, _temp.Path, sets);
        var runs = RunSpec.Of(test.Config);
        Assert.Equal(["tiny-seed1", "tiny-seed2"], runs.Select(r => r.Name));

        var ran = runs.Select(run => Graph.Upstream(Graph.Evaluate).Append(Graph.Evaluate)
            .Select(stage => test.Runner.Run(stage, run)).Where(r => r.Ran)
            .Select(r => r.Stamp.Stage).ToArray()).ToList();
        Assert.Contains("Fetch", ran[0]);
        Assert.Equal(["Train", "Evaluate"], ran[1]); // the second seed shares every data stage

        var report = test.Runner.Run(Graph.Report, runs[0]);
        var markdown = File.ReadAllText(Path.Combine(report.Directory, "report.md"));
        Assert.Contains("## Across seeds", markdown);
        Assert.NotEqual(test.Runner.Require(Graph.Train, runs[0]).Directory,
            test.Runner.Require(Graph.Train, runs[1]).Directory);
    }

    [Fact]
    public void Predict_scores_a_folder_reports_bad_pngs_and_computes_metrics_from_labelled_names()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var run = new TestRun(config, _temp.Path, "train.epochs=1", "train.threads=2",
            "evaluate.bootstrap_resamples=20");
        run.Through(Graph.Evaluate);

        var folder = _temp.PathOf("to-score");
        foreach (var name in TinyDataset.Names("501", "502"))
            File.WriteAllBytes(_temp.File("to-score/" + name), TinyDataset.Png(r: 90, g: 40, b: 120));
        File.WriteAllBytes(_temp.File("to-score/501/0/501_idx5_x101_y1_class0.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        File.WriteAllBytes(_temp.File("to-score/502/0/502_idx5_x101_y1_class0.png"), []);

        var result = PatchScoring.Score(folder, run.Folder(Graph.Train), ResizeMode.Bilinear,
            new ComputeSettings(DeviceChoice.Cpu, 2));

        Assert.Equal(8, result.Rows.Count);
        Assert.Equal(["501/0/501_idx5_x101_y1_class0.png", "502/0/502_idx5_x101_y1_class0.png"],
            result.Skipped.Select(s => s.Path));
        Assert.True(result.Labelled);
        Assert.All(result.Rows, r => Assert.InRange(r.P1, 0, 1));
        var metrics = EvaluationResult.Compute(EvaluateStage.Predictions(result.Rows), 20, 1);
        Assert.Equal(8, metrics.TestPatches);
    }

    [Fact]
    public void A_corrupt_checkpoint_in_an_interrupted_training_is_a_clear_error_and_force_starts_over()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        string[] quick = ["train.epochs=1", "train.threads=2"];
        var run = new TestRun(config, _temp.Path, quick);
        run.Through(Graph.Undersample);

        // What an interrupted run leaves: a work folder with a damaged checkpoint pointer.
        var work = Path.Combine(run.Layout.StageRoot("Train"),
            $".partial-{run.Runner.KeyFor(Graph.Train, run.Run).Short}");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "last.json"), "{ \"epoch\": ");

        var e = Assert.Throws<IdcRepro.Training.TrainingCheckpointException>(() => run.Stage(Graph.Train));
        Assert.Contains("last.json", e.Message);
        Assert.Contains("--force", e.Message);

        // The advice works: --force starts the training over instead of resuming the broken attempt.
        Assert.True(new TestRun(config, _temp.Path, quick).Stage(Graph.Train, force: true).Ran);
        Assert.False(new TestRun(config, _temp.Path, quick).Stage(Graph.Train).Ran);
    }
}
