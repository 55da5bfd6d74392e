using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Stages;
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
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        Config = ConfigLoader.Load(configPath, sets);
        Runner = new PipelineRunner(ArtifactLayout.At(artifacts), console);
        Run = RunSpec.Of(Config)[0];
    }

    public IdcConfig Config { get; }
    public PipelineRunner Runner { get; }

    /// <summary>The config's run (its first, for a config that fans out).</summary>
    public RunSpec Run { get; }

    public ArtifactLayout Layout => Runner.Layout;

    /// <summary>What the runner printed so far.</summary>
    public string Output => _output.ToString();

    /// <summary>Makes one stage's output (what it reads first, where missing).</summary>
    public StageResult Stage(StageDefinition stage, bool force = false) => Runner.Run(stage, Run, force);

    /// <summary>Makes every stage up to <paramref name="target"/>, one at a time in graph order; returns the names of those that ran.</summary>
    public string[] Through(StageDefinition target) =>
        [.. Graph.Upstream(target).Append(target).Select(s => Stage(s)).Where(r => r.Ran).Select(r => r.Stamp.Stage)];

    /// <summary>The folder of a stage's verified output.</summary>
    public string Folder(StageDefinition stage) => Runner.Require(stage, Run).Directory;

    /// <summary>A stage's verified output, read as its typed record.</summary>
    public T Read<T>(StageDefinition stage, Func<string, T> read) => read(Folder(stage));
}

public static class TestRuns
{
    /// <summary>A tiny synthetic config (3 patients on a 6 x 6 grid) so stage tests run in a second.</summary>
    public static string TinySyntheticConfig(TempFolder temp) => temp.File("tiny.yaml",
        "name: tiny\ndata:\n  source: synthetic\n  synthetic:\n    seed: 3\n    patients: 3\n    grid_columns: 6\n    grid_rows: 6\n");
}
