using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Stages;
using Spectre.Console;

namespace IdcRepro.Tests.TestSupport;

/// <summary>Builds a <see cref="RunContext"/> over a config file, with artifacts in a given folder and console output captured.</summary>
public static class TestRuns
{
    public static RunContext Context(string configPath, string artifacts, bool force = false, params string[] sets) =>
        Context(configPath, artifacts, new StringWriter(), force, sets);

    /// <summary>The same, with what the stages print going to <paramref name="output"/>.</summary>
    public static RunContext Context(string configPath, string artifacts, TextWriter output, bool force = false, params string[] sets)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        return new RunContext(ConfigLoader.Load(configPath, sets), ArtifactLayout.At(artifacts), console, force);
    }

    /// <summary>A tiny synthetic config (3 patients on a 6 x 6 grid) so stage tests run in a second.</summary>
    public static string TinySyntheticConfig(TempFolder temp) => temp.File("tiny.yaml",
        "name: tiny\ndata:\n  source: synthetic\n  synthetic:\n    seed: 3\n    patients: 3\n    grid_columns: 6\n    grid_rows: 6\n");
}
