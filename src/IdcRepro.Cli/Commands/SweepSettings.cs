using System.ComponentModel;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>The options of <c>idc sweep</c> (the Cake Sweep task passes --config, --set, --artifacts and --profile through).</summary>
public class SweepSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("A variant's config, a name in configs/ or configs/ablations/, or a folder of variants (repeatable; the first is Compare's reference)")]
    public string[] Configs { get; init; } = [];

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override applied to every variant, e.g. --set \"seeds=[[1, 2, 3]]\" (repeatable)")]
    public string[] Set { get; init; } = [];

    [CommandOption("--profile <FILE>")]
    [Description("Where jobs run: a profile file, or a name in profiles/ (local, slurm). Default: local")]
    [DefaultValue("local")]
    public string Profile { get; init; } = "local";

    [CommandOption("--artifacts <DIR>")]
    [Description("Where outputs go (on shared storage for a cluster). Default: artifacts")]
    [DefaultValue("artifacts")]
    public string Artifacts { get; init; } = "artifacts";

    [CommandOption("-j|--jobs <N>")]
    [Description("Local executor: jobs (array tasks) at once; overrides the profile's local.jobs")]
    public int? Jobs { get; init; }

    [CommandOption("--wait")]
    [Description("Slurm: wait until every submitted job has ended, then print the sweep's status (exit 1 when one failed)")]
    public bool Wait { get; init; }

    [CommandOption("--dry-run")]
    [Description("Plan and write the job scripts (under <artifacts>/sweeps/<id>/dry-run/), submit nothing")]
    public bool DryRun { get; init; }
}
