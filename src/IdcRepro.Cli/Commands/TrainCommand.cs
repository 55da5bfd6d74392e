using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class TrainCommand : StageCommand
{
    protected override string StageName => TrainStage.Name;
    protected override StageResult Run(RunContext context) => TrainStage.Run(context);
}
