using System.ComponentModel;
using IdcRepro.Config;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Lists the config files that <c>--config</c> arguments stand for (names looked up in configs/, folders expanded), one
/// per line, relative to the working directory: how the Cake Compare task learns its variants without resolving
/// names itself.
/// </summary>
public sealed class VariantsCommand : Command<VariantsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-c|--config <FILE>")]
        [Description("A config file, a name in configs/ or configs/ablations/, or a folder of variants (repeatable)")]
        public string[] Configs { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Configs.Length == 0)
            throw new ConfigException("variants needs at least one --config (a file, a name or a folder).");
        foreach (var variant in ConfigArgument.LocateVariants(settings.Configs)) Console.WriteLine(variant.DisplayPath);
        return 0;
    }
}
