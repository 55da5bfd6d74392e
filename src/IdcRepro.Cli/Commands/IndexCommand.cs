using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class IndexCommand : StageCommand
{
    protected override string StageName => IndexStage.Name;
    protected override StageResult Run(RunContext context) => IndexStage.Run(context);
}
