using System.Diagnostics;
using IdcRepro.Evaluation;
using IdcRepro.Export;
using IdcRepro.Preprocess;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Export;

/// <summary>
/// Small trained and evaluated runs, each exported for PyTorch once and shared by a test class: "blog" is the blog's
/// model (loss bce, featurewise normalisation), "softmax" the other head and normalisation with batch norm (loss
/// cross_entropy, rescale, num_batches_tracked in the state_dict). Trained on demand, 2 epochs on 2 threads, on a
/// synthetic set of 4 patients on a 12 x 12 grid.
/// </summary>
public sealed class ExportedRuns : IDisposable
{
    public static readonly string[] Sets = ["train.epochs=2", "train.threads=2", "evaluate.bootstrap_resamples=20"];

    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, ExportedRun> _runs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ExportedRuns()
    {
        _temp.File("blog.yaml", "name: blog\ndata:\n  source: synthetic\n  synthetic:\n    seed: 3\n    patients: 4\n" +
            "    grid_columns: 12\n    grid_rows: 12\n");
        _temp.File("softmax.yaml", "extends: blog.yaml\nname: softmax\ntrain:\n  loss: cross_entropy\n" +
            "  normalize: rescale\n  model:\n    batch_norm: true\n");
    }

    /// <summary>The artifacts folder (runs/&lt;name&gt;/ links to each run's stage outputs).</summary>
    public string Artifacts => _temp.Path;

    public string ConfigPath(string variant) => _temp.PathOf($"{variant}.yaml");

    public ExportedRun Get(string variant)
    {
        lock (_lock)
        {
            if (!_runs.TryGetValue(variant, out var run)) _runs[variant] = run = TrainAndExport(variant);
            return run;
        }
    }

    private ExportedRun TrainAndExport(string variant)
    {
        var test = new TestRun(ConfigPath(variant), _temp.Path, Sets);
        var clock = Stopwatch.StartNew();
        test.Through(Graph.Evaluate);
        var trained = clock.Elapsed;
        clock.Restart();
        var manifest = ModelExport.ToPyTorch(test.Runner, test.Run);
        var run = test.Layout.RunDirectory(test.Config.Name);
        return new ExportedRun(test.Config.Name, ModelExport.DefaultFolder(test.Layout, test.Run), run, manifest,
            trained, clock.Elapsed);
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>One exported run: where its export and the stage outputs the parity check reads live.</summary>
public sealed record ExportedRun(string Name, string ExportFolder, string RunFolder,
    IdcRepro.Export.ExportManifest Manifest, TimeSpan Training, TimeSpan Export)
{
    public string Images => Path.Combine(RunFolder, "preprocess", PreprocessStage.ImagesFile);
    public string TestRows => Path.Combine(RunFolder, "undersample", "test.npy");
    public string Predictions => Path.Combine(RunFolder, "evaluate", PredictionsCsv.FileName);
}
