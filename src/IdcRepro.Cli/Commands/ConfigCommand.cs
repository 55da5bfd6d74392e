using IdcRepro.Config;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>Prints the resolved config, so a user sees what extends and --set made of it.</summary>
public sealed class ConfigCommand : Command<StageSettings>
{
    public override int Execute(CommandContext context, StageSettings settings, CancellationToken cancellationToken)
    {
        Console.Write(ConfigWriter.ToYaml(ConfigArgument.Load(settings.Config, settings.Set)));
        return 0;
    }
}
