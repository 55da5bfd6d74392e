using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class EvaluateCommand : StageCommand
{
    protected override string StageName => EvaluateStage.Name;
    protected override StageResult Run(RunContext context) => EvaluateStage.Run(context);
}
