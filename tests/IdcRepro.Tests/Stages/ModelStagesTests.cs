using System.Text.Json;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Stages;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Stages;

/// <summary>Train, Evaluate, Report and predict through their stage shells.</summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ModelStagesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] ShortRealRun =
    [
        "index.first=4000", "train.epochs=2", "train.threads=2", "train.learning_rate=1e-4", "evaluate.bootstrap_resamples=200",
    ];

    private string[] RunThrough(string config, bool report, params string[] sets)
    {
        var ctx = TestRuns.Context(config, _temp.Path, false, sets);
        var results = new List<StageResult>
        {
            FetchStage.Run(ctx), IndexStage.Run(ctx), PreprocessStage.Run(ctx), SplitStage.Run(ctx),
            UndersampleStage.Run(ctx), TrainStage.Run(ctx), EvaluateStage.Run(ctx),
        };
        if (report) results.Add(ReportStage.Run(ctx));
        return [.. results.Where(r => r.Ran).Select(r => r.Stamp.Stage)];
    }

    [Fact]
    public void Short_deterministic_cpu_run_on_the_real_sample_is_locked()
    {
        var config = Path.Combine(RepoPaths.Configs, "sample.yaml");
        RunThrough(config, report: false, ShortRealRun);
        var ctx = TestRuns.Context(config, _temp.Path, false, ShortRealRun);
        var train = TrainStage.Require(ctx);
        var evaluate = EvaluateStage.Require(ctx);
        var metrics = EvaluationResult.Read(Path.Combine(evaluate, EvaluationResult.FileName));

        // Every figure of the run: the history (bit-identical on CPU for a fixed thread count) and the metrics.
        Snapshot.Match(new
        {
            history = File.ReadAllLines(Path.Combine(train, "history.csv")),
            best_epoch = TrainStage.Summary(train).BestEpoch,
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
        Assert.Equal(["Fetch", "Index", "Preprocess", "Split", "Undersample", "Train", "Evaluate", "Report"], RunThrough(config, report: true, quick));
        Assert.Empty(RunThrough(config, report: true, quick));
        Assert.Equal(["Train", "Evaluate", "Report"], RunThrough(config, report: true, [.. quick, "train.learning_rate=3e-4"]));

        var page = Path.Combine(_temp.Path, "runs", "tiny", "report", "report.html");
        Assert.True(File.Exists(page), page);
        Assert.Contains("accuracy", File.ReadAllText(page));
    }

    [Fact]
    public void Markdown_report_of_a_deterministic_run_is_locked()
    {
        // The demo, cut to 3 epochs.
        RunThrough(Path.Combine(RepoPaths.Configs, "demo.yaml"), report: true, "train.epochs=3", "train.threads=2", "evaluate.bootstrap_resamples=200");
        var markdown = File.ReadAllText(Path.Combine(_temp.Path, "runs", "demo", "report", "report.md"));

        // Everything but what legitimately differs between two runs of the same config: wall-clock times, the build,
        // the commit and where libtorch was loaded from.
        var stable = System.Text.RegularExpressions.Regex.Replace(markdown, @"(?m)^\| (Code version|Git commit|Device|Time: [A-Za-z]+) \|.*$", "| $1 | (varies) |");
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
            var ctx = TestRuns.Context(config, _temp.Path, false, quick);
            var (report, pixels) = RunReportLoader.Load(ctx);
            pixels.Dispose();
            variants.Add(new IdcRepro.Reporting.CompareVariant(ctx.Config.Name, report.ConfigYaml, report with { Pixels = null }));
            metrics.Add(EvaluationResult.Read(Path.Combine(EvaluateStage.Require(ctx), EvaluationResult.FileName)));
        }

        var written = IdcRepro.Reporting.CompareWriter.Write(_temp.PathOf("compare"), variants);
        var markdown = File.ReadAllText(written.Markdown);
        Assert.Contains(@"train.learning\_rate", markdown); // the config difference is named (Markdown escapes the underscore)
        foreach (var m in metrics)
            Assert.Contains(m.Metrics["accuracy"]!.Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), markdown);
    }

    [Fact]
    public void Several_seeds_are_separate_cached_runs_sharing_the_data_and_the_report_shows_them_all()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        string[] sets = ["seeds=[1, 2]", "train.epochs=1", "train.threads=2", "evaluate.bootstrap_resamples=20"];
        var loaded = TestRuns.Context(config, _temp.Path, false, sets).Config;
        var runs = loaded.SeedRuns();
        Assert.Equal(["tiny-seed1", "tiny-seed2"], runs.Select(r => r.Name));

        var ran = runs.Select(run => RunThrough(config, report: false, [.. sets, $"train.seed={run.Train.Seed}"])).ToList();
        Assert.Contains("Fetch", ran[0]);
        Assert.Equal(["Train", "Evaluate"], ran[1]); // the second seed shares every data stage

        var first = new RunContext(runs[0], IdcRepro.Pipeline.ArtifactLayout.At(_temp.Path), TestRuns.Context(config, _temp.Path).Console);
        var report = ReportStage.Run(first);
        var markdown = File.ReadAllText(Path.Combine(report.Directory, "report.md"));
        Assert.Contains("## Across seeds", markdown);
        Assert.NotEqual(TrainStage.Require(first), TrainStage.Require(RunReportLoader.ForSeed(first, 2)));
    }

    [Fact]
    public void Predict_scores_a_folder_reports_bad_pngs_and_computes_metrics_from_labelled_names()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        RunThrough(config, report: false, "train.epochs=1", "train.threads=2", "evaluate.bootstrap_resamples=20");
        var ctx = TestRuns.Context(config, _temp.Path, false, "train.epochs=1", "train.threads=2", "evaluate.bootstrap_resamples=20");

        var folder = _temp.PathOf("to-score");
        foreach (var name in TinyDataset.Names("501", "502")) File.WriteAllBytes(_temp.File("to-score/" + name), TinyDataset.Png(r: 90, g: 40, b: 120));
        File.WriteAllBytes(_temp.File("to-score/501/0/501_idx5_x101_y1_class0.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        File.WriteAllBytes(_temp.File("to-score/502/0/502_idx5_x101_y1_class0.png"), []);

        var result = PatchScoring.Score(folder, TrainStage.Require(ctx), ResizeMode.Bilinear, DeviceChoice.Cpu, 2);

        Assert.Equal(8, result.Rows.Count);
        Assert.Equal(["501/0/501_idx5_x101_y1_class0.png", "502/0/502_idx5_x101_y1_class0.png"], result.Skipped.Select(s => s.Path));
        Assert.True(result.Labelled);
        Assert.All(result.Rows, r => Assert.InRange(r.P1, 0, 1));
        var metrics = EvaluationResult.Compute(EvaluateStage.Predictions(result.Rows), 20, 1);
        Assert.Equal(8, metrics.TestPatches);
    }

    [Fact]
    public void Evaluate_without_a_trained_model_says_to_train_first()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var ctx = TestRuns.Context(config, _temp.Path);
        foreach (var run in new Func<RunContext, StageResult>[] { FetchStage.Run, IndexStage.Run, PreprocessStage.Run, SplitStage.Run, UndersampleStage.Run }) run(ctx);
        var e = Assert.Throws<StageException>(() => EvaluateStage.Run(ctx));
        Assert.Contains("Train has not run for this config", e.Message);
    }

    [Fact]
    public void A_corrupt_checkpoint_in_an_interrupted_training_is_a_clear_error()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        string[] quick = ["train.epochs=1", "train.threads=2"];
        var ctx = TestRuns.Context(config, _temp.Path, false, quick);
        foreach (var run in new Func<RunContext, StageResult>[] { FetchStage.Run, IndexStage.Run, PreprocessStage.Run, SplitStage.Run, UndersampleStage.Run }) run(ctx);

        // What an interrupted run leaves: a work folder with a damaged checkpoint pointer.
        var work = Path.Combine(ctx.Layout.StageRoot("Train"), $".partial-{TrainStage.KeyFor(ctx).Short}");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "last.json"), "{ \"epoch\": ");

        var e = Assert.Throws<IdcRepro.Training.TrainingCheckpointException>(() => TrainStage.Run(ctx));
        Assert.Contains("last.json", e.Message);
        Assert.Contains("--force", e.Message);
    }
}
