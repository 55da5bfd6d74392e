using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class PreprocessCommand : StageCommand
{
    protected override string StageName => PreprocessStage.Name;
    protected override StageResult Run(RunContext context) => PreprocessStage.Run(context);
}
