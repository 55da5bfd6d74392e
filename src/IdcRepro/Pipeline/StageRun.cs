using IdcRepro.Config;
using Spectre.Console;

namespace IdcRepro.Pipeline;

/// <summary>
/// What a stage's <see cref="StageDefinition.Produce"/> is handed, and all it is handed: its work folder, its own
/// config section, and the outputs of the upstream stages it declared. Asking for anything else throws
/// <see cref="UndeclaredReadException"/>, so the key (made from the declarations) covers everything the stage reads.
/// </summary>
public sealed class StageRun : IRunOutputs
{
    private readonly PipelineRunner _runner;

    internal StageRun(StageDefinition stage, RunSpec run, string work, PipelineRunner runner, bool force)
    {
        Stage = stage;
        Run = run;
        Work = work;
        Force = force;
        _runner = runner;
    }

    public StageDefinition Stage { get; }

    /// <summary>
    /// The run this stage belongs to (its name and family; its config only through <see cref="Section{T}"/>).
    /// </summary>
    internal RunSpec Run { get; }

    /// <summary>The run's name: where its folder under runs/ is.</summary>
    public string RunName => Run.Config.Name;

    /// <summary>
    /// The private work folder; published under the key by one rename once <see cref="StageDefinition.Produce"/>
    /// returns.
    /// </summary>
    public string Work { get; }

    /// <summary>
    /// Whether this run was forced (e.g. Train discards an interrupted attempt instead of resuming it).
    /// </summary>
    public bool Force { get; }

    public IAnsiConsole Console => _runner.Console;
    public CancellationToken Cancellation => _runner.Cancellation;
    public ArtifactLayout Layout => _runner.Layout;

    /// <summary>Content hashes with the stat fast path (the ones the key was made with).</summary>
    public ContentHasher Hashes => _runner.Hashes;

    /// <summary>The stage's own config section, which its key holds.</summary>
    /// <exception cref="UndeclaredReadException">The stage declared another section.</exception>
    public T Section<T>() where T : class => Stage.Section(Run.Config) as T
        ?? throw new UndeclaredReadException(
            $"{Stage.Name} asked for config section {typeof(T).Name}, but it declares '{Stage.SectionName}'.");

    /// <summary>The folder of a declared upstream stage's output in this run (verified against its stamp).</summary>
    public string Input(StageDefinition upstream)
    {
        Declared(upstream, ReadScope.Run);
        return _runner.Require(upstream, Run).Directory;
    }

    /// <summary>A declared upstream output of this run, read as its typed record.</summary>
    public T Input<T>(StageDefinition upstream, Func<string, T> read) => read(Input(upstream));

    /// <summary>
    /// The folder of a declared fan-in read's output in every run of the family, in the family's order.
    /// </summary>
    public IReadOnlyList<(string RunName, string Directory)> FamilyInputs(StageDefinition upstream)
    {
        Declared(upstream, ReadScope.Family);
        return Run.Family.Select(member =>
            (member.Name, _runner.Require(upstream, Run with { Config = member }).Directory)).ToList();
    }

    /// <summary>The stamp of a declared upstream output (its provenance: hash, facts, seconds).</summary>
    public Stamp InputStamp(StageDefinition upstream)
    {
        Declared(upstream, ReadScope.Run);
        return _runner.Require(upstream, Run).Stamp;
    }

    /// <summary>The whole config: only for a stage that declares it (the report, which shows it).</summary>
    IdcConfig IRunOutputs.Config => Section<IdcConfig>();

    StageResult IRunOutputs.Output(StageDefinition upstream) => new(InputStamp(upstream), Input(upstream), Ran: false);

    IReadOnlyList<(string RunName, string Directory)> IRunOutputs.FamilyOutputs(StageDefinition upstream) =>
        FamilyInputs(upstream);

    private void Declared(StageDefinition upstream, ReadScope scope)
    {
        if (!Stage.Reads.Any(r => r.Stage.Name == upstream.Name && r.Scope == scope))
            throw new UndeclaredReadException(
                $"{Stage.Name} " +
                $"read {upstream.Name}{(scope == ReadScope.Family ? " of every run of the family" : "")} without " +
                "declaring it " +
                $"(it declares: {(Stage.Reads.Count == 0 ? "nothing" : string.Join(", ", Stage.Reads))}). Declare " +
                "it in the graph, so its key covers it.");
    }
}

/// <summary>
/// A stage read something it did not declare: a bug in the stage, which would make its key miss an input.
/// </summary>
public sealed class UndeclaredReadException(string message) : InvalidOperationException(message);
