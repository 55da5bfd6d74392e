using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class UndersampleCommand : StageCommand
{
    protected override string StageName => UndersampleStage.Name;
    protected override StageResult Run(RunContext context) => UndersampleStage.Run(context);
}
