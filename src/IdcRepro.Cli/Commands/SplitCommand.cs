using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class SplitCommand : StageCommand
{
    protected override string StageName => SplitStage.Name;
    protected override StageResult Run(RunContext context) => SplitStage.Run(context);
}
