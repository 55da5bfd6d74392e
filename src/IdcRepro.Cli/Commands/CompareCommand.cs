using System.ComponentModel;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Reporting;
using IdcRepro.Torch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// One page comparing variants: metrics with intervals, config differences, overlaid validation curves, and for patient
/// k-folds the cross-validation figures, ranked. Each variant's runs are made through Evaluate and CrossValidate first
/// where they are missing (every stage the graph says they read).
/// </summary>
public sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-c|--config <FILE>")]
        [Description(
            "A variant's config (repeatable; the first is the reference). A folder adds every *.yaml in it. Names " +
            "resolve as for the stages (configs/, configs/ablations/).")]
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
        if (files.Count < 2)
            throw new ConfigException(
                "compare needs at least two configs: --config a.yaml --config b.yaml (or a folder of variants).");
        var layout = ArtifactLayout.At(settings.Artifacts);
        var variants = new List<CompareVariant>();
        var pixels = new List<IDisposable>();
        try
        {
            var configs = files.Select(f => ConfigLoader.Load(f, settings.Set)).ToList();
            if (configs.Any(c => c.Train.CpuKernels == CpuKernels.Avx2)) CpuNumerics.Pin();   // before libtorch loads
            var runner = new PipelineRunner(layout, AnsiConsole.Console, cancellationToken);
            foreach (var config in configs)
            {
                var runs = RunSpec.Of(config);
                foreach (var each in runs) runner.Run(Graph.Evaluate, each);
                runner.Run(Graph.CrossValidate, runs[0]); // one output for the whole family
                // A variant that fans out is shown through its first run, whose report carries every fold's and seed's
                // figures; a k-fold under the variant's own name, since its figures are the folds' pooled ones.
                var run = runs[0];
                var (report, patchPixels) = RunReportLoader.Load(runner.Outputs(run));
                pixels.Add(patchPixels);
                variants.Add(new CompareVariant(report.CrossValidation is null ? run.Name : config.Name,
                    report.ConfigYaml, report)
                {
                    Runs = runs.Select(r => r.Name).ToList()
                });
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
