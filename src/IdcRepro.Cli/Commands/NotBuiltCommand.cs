using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>A stage whose code does not exist yet: says so and fails, never pretends to succeed.</summary>
public sealed class NotBuiltCommand : Command<StageSettings>
{
    public override int Execute(CommandContext context, StageSettings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]{context.Data}: not built yet.[/] This stage has no implementation in this version of IdcRepro; see README (Status).");
        return 3;
    }
}
