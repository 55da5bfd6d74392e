using System.ComponentModel;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>The options of <c>idc sweep status</c>.</summary>
public sealed class SweepStatusSettings : SweepSettings
{
    [CommandArgument(0, "[ID]")]
    [Description("The sweep's id (idc sweep prints it); without it, the sweeps in the artifacts folder are listed")]
    public string? Id { get; init; }
}
