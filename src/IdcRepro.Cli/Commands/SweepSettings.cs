using System.ComponentModel;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// The options of <c>idc sweep</c> and <c>idc sweep status [ID]</c> (the Cake Sweep task passes --config, --set,
/// --artifacts and --profile through).
/// </summary>
public sealed class SweepSettings : CommandSettings
{
    public const string StatusAction = "status";

    [CommandArgument(0, "[ACTION]")]
    [Description(
        "status: instead of submitting, show how sweep ID stands: each job's id, state (Slurm's, else from the " +
        "cache and its log) and log (with the sweep's --artifacts)")]
    public string? Action { get; init; }

    [CommandArgument(1, "[ID]")]
    [Description(
        "With status: the sweep's id (idc sweep prints it); without it, the sweeps in the artifacts folder are listed")]
    public string? Id { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description(
        "A variant's config, a name in configs/ or configs/ablations/, or a folder of variants (repeatable; the " +
        "first is Compare's reference)")]
    public string[] Configs { get; init; } = [];

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override applied to every variant, e.g. --set \"seeds=[[1, 2, 3]]\" (repeatable)")]
    public string[] Set { get; init; } = [];

    [CommandOption("--profile <FILE>")]
    [Description(
        "Where jobs run: a profile file, or a name in profiles/ (local, slurm). Default: profiles/local.yaml where " +
        "there is one, else one local worker")]
    public string? Profile { get; init; }

    [CommandOption("--artifacts <DIR>")]
    [Description("Where outputs go (on shared storage for a cluster). Default: artifacts")]
    [DefaultValue("artifacts")]
    public string Artifacts { get; init; } = "artifacts";

    [CommandOption("-j|--jobs <N>")]
    [Description("Local executor: jobs (array tasks) at once; overrides the profile's local.jobs")]
    public int? Jobs { get; init; }

    [CommandOption("--wait")]
    [Description(
        "Slurm: wait until every submitted job has ended, then print the sweep's status (exit 1 when one failed)")]
    public bool Wait { get; init; }

    [CommandOption("--dry-run")]
    [Description("Plan and write the job scripts (under <artifacts>/sweeps/<id>/dry-run/), submit nothing")]
    public bool DryRun { get; init; }
}
