using IdcRepro.Config;

namespace IdcRepro.Pipeline;

/// <summary>
/// Read access to the finished outputs of one run: what the Report stage reads through its declarations
/// (<see cref="StageRun"/>), and what Compare reads of each variant once its runs are complete
/// (<see cref="PipelineRunner"/>).
/// </summary>
public interface IRunOutputs
{
    /// <summary>The run's resolved config.</summary>
    IdcConfig Config { get; }

    /// <summary>A stage's verified output for the run.</summary>
    StageResult Output(StageDefinition stage);

    /// <summary>A stage's verified output folder in every run of the run's family, in order.</summary>
    IReadOnlyList<(string RunName, string Directory)> FamilyOutputs(StageDefinition stage);
}

/// <summary>Every output of a finished run, found through the runner (Compare's view of a variant).</summary>
internal sealed class FinishedRun(PipelineRunner runner, RunSpec run) : IRunOutputs
{
    public IdcConfig Config => run.Config;

    public StageResult Output(StageDefinition stage) => runner.Require(stage, run);

    public IReadOnlyList<(string RunName, string Directory)> FamilyOutputs(StageDefinition stage) =>
        run.Family.Select(member => (member.Name, runner.Require(stage, run with { Config = member }).Directory))
            .ToList();
}
