using System.ComponentModel;
using IdcRepro.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Removes the cache and runs; downloaded archives stay unless asked, since they are slow to get back.
/// </summary>
public sealed class CleanCommand : Command<CleanCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--artifacts <DIR>")]
        [DefaultValue("artifacts")]
        public string Artifacts { get; init; } = "artifacts";

        [CommandOption("--downloads")]
        [Description("Also remove downloaded datasets")]
        public bool Downloads { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var layout = ArtifactLayout.At(settings.Artifacts);
        string[] targets = settings.Downloads ? [layout.CacheRoot, layout.RunsRoot, layout.Downloads]
            : [layout.CacheRoot, layout.RunsRoot];
        foreach (var target in targets.Where(Directory.Exists))
        {
            Directory.Delete(target, recursive: true);
            AnsiConsole.MarkupLineInterpolated($"Clean: removed {target}");
        }
        if (!settings.Downloads && Directory.Exists(layout.Downloads))
            AnsiConsole.MarkupLineInterpolated(
                $"Clean: kept downloaded datasets in {layout.Downloads} (pass --downloads to remove them)");
        return 0;
    }
}
