using IdcRepro.Pipeline;
using IdcRepro.Stages;

namespace IdcRepro.Cli.Commands;

public sealed class ReportCommand : StageCommand
{
    protected override string StageName => ReportStage.Name;
    protected override StageResult Run(RunContext context) => ReportStage.Run(context);
}
