using System.ComponentModel;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>The options every stage command takes (the Cake tasks pass them through).</summary>
public class StageSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description(
        "Config file (YAML), or a name in configs/ or configs/ablations/ (baseline.yaml, baseline). Default: " +
        "configs/demo.yaml")]
    [DefaultValue("configs/demo.yaml")]
    public string Config { get; init; } = "configs/demo.yaml";

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override one setting, e.g. --set train.epochs=5 (repeatable)")]
    public string[] Set { get; init; } = [];

    [CommandOption("--force")]
    [Description("Run the stage even if its outputs are up to date")]
    public bool Force { get; init; }

    [CommandOption("--artifacts <DIR>")]
    [Description("Where outputs go. Default: artifacts")]
    [DefaultValue("artifacts")]
    public string Artifacts { get; init; } = "artifacts";

    [CommandOption("--run <NAME>")]
    [Description("Only this run of a config that fans out (e.g. demo-seed2); default: every run")]
    public string? Run { get; init; }
}
