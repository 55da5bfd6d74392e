using IdcRepro.Config;
using IdcRepro.Pipeline;
using Spectre.Console;

namespace IdcRepro.Tests.TestSupport;

/// <summary>
/// One run of a config file through the graph, with artifacts in a given folder and console output captured; a fresh
/// <see cref="PipelineRunner"/> each time, as a new `idc` process would have (nothing remembered but what is on disk).
/// </summary>
public sealed class TestRun
{
    private readonly StringWriter _output = new();

    public TestRun(string configPath, string artifacts, params string[] sets)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_output), Interactive = InteractionSupport.No,
            ColorSystem = ColorSystemSupport.NoColors
        });
        console.Profile.Width = 400;
        Config = ConfigLoader.Load(configPath, sets);
        Runner = new PipelineRunner(ArtifactLayout.At(artifacts), console);
        Runs = RunSpec.Of(Config);
        Run = Runs[0];
    }

    /// <summary>Every run the config fans out to (folds x seeds), fold-major.</summary>
    public IReadOnlyList<RunSpec> Runs { get; }

    public IdcConfig Config { get; }
    public PipelineRunner Runner { get; }

    /// <summary>The config's run (its first, for a config that fans out).</summary>
    public RunSpec Run { get; }

    public ArtifactLayout Layout => Runner.Layout;

    /// <summary>What the runner printed so far.</summary>
    public string Output => _output.ToString();

    /// <summary>Makes one stage's output (what it reads first, where missing).</summary>
    public StageResult Stage(StageDefinition stage, bool force = false) => Runner.Run(stage, Run, force);

    /// <summary>
    /// Makes every stage up to <paramref name="target"/>, one at a time in graph order; returns the names of those that
    /// ran.
    /// </summary>
    public string[] Through(StageDefinition target) =>
        [.. Graph.Upstream(target).Append(target).Select(s => Stage(s)).Where(r => r.Ran).Select(r => r.Stamp.Stage)];

    /// <summary>
    /// Makes every stage up to <paramref name="target"/> for every run of the config, run by run in the family's order
    /// (as <c>idc &lt;stage&gt;</c> does); returns, per run, the names of the stages that ran.
    /// </summary>
    public IReadOnlyList<string[]> ThroughAll(StageDefinition target) => Runs
        .Select(run => Graph.Upstream(target).Append(target).Select(s => Runner.Run(s, run)).Where(r => r.Ran)
            .Select(r => r.Stamp.Stage).ToArray())
        .ToList();

    /// <summary>The folder of a stage's verified output.</summary>
    public string Folder(StageDefinition stage) => Runner.Require(stage, Run).Directory;

    /// <summary>The folder of a stage's verified output in another run of the family.</summary>
    public string Folder(StageDefinition stage, RunSpec run) => Runner.Require(stage, run).Directory;

    /// <summary>A stage's verified output, read as its typed record.</summary>
    public T Read<T>(StageDefinition stage, Func<string, T> read) => read(Folder(stage));
}

public static class TestRuns
{
    /// <summary>
    /// A small synthetic config of <paramref name="patients"/> patients on 6 x 6 grids, split by patient (strategy
    /// <paramref name="strategy"/>: patient_kfold with 3 folds, or patient), a validation share, every set undersampled
    /// as patient-split does, one epoch on 2 threads and 50 bootstrap resamples: a run takes seconds.
    /// </summary>
    public static string PatientSyntheticConfig(TempFolder temp, int patients = 8, string strategy = "patient_kfold",
        string name = "pt") => temp.File($"{name}.yaml",
        $"name: {name}\ndata:\n  source: synthetic\n  synthetic:\n    seed: 5\n    patients: {patients}\n" +
        "    grid_columns: 6\n    grid_rows: 6\n" +
        $"split:\n  strategy: {strategy}\n  folds: 3\n" +
        $"  test_fraction: {(strategy == "patient_kfold" ? "0.15" : "0.25")}\n" +
        "  validation_fraction: 0.2\n  stratify: true\n" +
        "undersample:\n  sets: [train, validation, test]\ntrain:\n  epochs: 1\n  threads: 2\n" +
        "  learning_rate: 1.0e-4\nevaluate:\n  bootstrap_resamples: 50\n");

    /// <summary>
    /// A zip of other synthetic patients (another generator seed) in the dataset's layout: an external test set.
    /// </summary>
    public static string ExternalSyntheticZip(TempFolder temp, string name = "other", int patients = 3,
        int seed = 11) =>
        IdcRepro.Synthetic.SyntheticDataset.WriteZip(
            new SyntheticConfig { Seed = seed, Patients = patients, GridColumns = 6, GridRows = 6 },
            temp.File($"external/{name}.zip")) is { Patches: > 0 }
            ? temp.PathOf($"external/{name}.zip")
            : throw new InvalidOperationException("the synthetic external set came out empty");

    /// <summary>A tiny synthetic config (3 patients on a 6 x 6 grid) so stage tests run in a second.</summary>
    public static string TinySyntheticConfig(TempFolder temp) => temp.File("tiny.yaml",
        "name: tiny\ndata:\n  source: synthetic\n  synthetic:\n    seed: 3\n    patients: 3\n" +
        "    grid_columns: 6\n    grid_rows: 6\n");
}
