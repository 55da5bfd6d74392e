using System.ComponentModel;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Reporting;
using IdcRepro.Stages;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>One page comparing finished runs: metrics with intervals, config differences, overlaid validation curves.</summary>
public sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-c|--config <FILE>")]
        [Description("A variant's config (repeatable; the first is the reference). A folder adds every *.yaml in it. Names resolve as for the stages (configs/, configs/ablations/).")]
        public string[] Configs { get; init; } = [];

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override applied to every variant (repeatable)")]
        public string[] Set { get; init; } = [];

        [CommandOption("--artifacts <DIR>")]
        [DefaultValue("artifacts")]
        public string Artifacts { get; init; } = "artifacts";

        [CommandOption("--out <DIR>")]
        [Description("Where compare.html goes. Default: <artifacts>/compare")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = ConfigArgument.LocateVariants(settings.Configs).Select(v => v.Path).ToList();
        if (files.Count < 2) throw new ConfigException("compare needs at least two configs: --config a.yaml --config b.yaml (or a folder of variants).");
        var layout = ArtifactLayout.At(settings.Artifacts);
        var variants = new List<CompareVariant>();
        var pixels = new List<IDisposable>();
        try
        {
            foreach (var file in files)
            {
                // A multi-seed variant is shown through its first seed's run, whose report carries every seed's figures.
                var ctx = new RunContext(ConfigLoader.Load(file, settings.Set).SeedRuns()[0], layout, AnsiConsole.Console);
                var (report, patchPixels) = RunReportLoader.Load(ctx);
                pixels.Add(patchPixels);
                variants.Add(new CompareVariant(ctx.Config.Name, report.ConfigYaml, report));
            }
            var output = settings.Out ?? Path.Combine(layout.Root, "compare");
            // The working directory is the repository root when run as documented (Cake runs idc there).
            var written = CompareWriter.Write(output, variants, Directory.GetCurrentDirectory());
            AnsiConsole.MarkupLineInterpolated($"Compare: {variants.Count} variants -> {written.Html}");
            return 0;
        }
        finally
        {
            pixels.ForEach(p => p.Dispose());
        }
    }
}
