using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class FetchCommand : StageCommand
{
    protected override string StageName => FetchStage.Name;
    protected override StageResult Run(RunContext context) => FetchStage.Run(context);
}
