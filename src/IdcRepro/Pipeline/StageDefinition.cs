using IdcRepro.Config;

namespace IdcRepro.Pipeline;

/// <summary>Whether a stage reads an upstream output of its own run, or of every run of its family (fan-in).</summary>
public enum ReadScope { Run, Family }

/// <summary>An upstream stage whose output a stage reads.</summary>
public sealed record StageRead(StageDefinition Stage, ReadScope Scope = ReadScope.Run)
{
    public override string ToString() => Scope == ReadScope.Family ? $"{Stage.Name} (every run of the family)"
        : Stage.Name;
}

/// <summary>
/// One stage of the graph as declared (the table is <see cref="Graph"/>, src/IdcRepro/Graph.cs): its name and code
/// version, the config section it reads, the upstream outputs it reads, the files it writes, and the function that
/// makes them. The pipeline keys the stage on exactly these declarations (<see cref="PipelineRunner.KeyFor"/>) and
/// hands it nothing else (<see cref="StageRun"/>), so a read that is not declared fails instead of being missed by the
/// key.
/// </summary>
public sealed record StageDefinition
{
    public required string Name { get; init; }

    /// <summary>
    /// Bump it in the change that alters what the stage writes: the key changes and old outputs are not reused.
    /// </summary>
    public required int Version { get; init; }

    /// <summary>One line on what the stage does (<c>idc graph</c>).</summary>
    public required string Summary { get; init; }

    /// <summary>The config key of the section it reads (e.g. <c>train</c>); empty for the whole config.</summary>
    public required string SectionName { get; init; }

    /// <summary>
    /// The section itself. Its values are in the key, and so is the content of every file or folder a
    /// <c>[ConfigPath]</c> value of it names (a dataset zip, a patient list).
    /// </summary>
    public required Func<IdcConfig, object> Section { get; init; }

    /// <summary>
    /// The files and folders whose content is in the key: by default every <c>[ConfigPath]</c> value of the section
    /// (none for the whole config, whose paths upstream stages own).
    /// </summary>
    public Func<IdcConfig, IEnumerable<(string Key, string Path)>>? Files { get; init; }

    internal IEnumerable<(string Key, string Path)> FilesOf(IdcConfig config) =>
        Files?.Invoke(config) ?? (SectionName.Length == 0 ? [] : ConfigPaths.Of(Section(config), SectionName));

    public required IReadOnlyList<StageRead> Reads { get; init; }

    /// <summary>
    /// The files every run of the stage writes: the typed outputs other stages read (checked to exist).
    /// </summary>
    public required IReadOnlyList<string> Outputs { get; init; }

    public required Func<StageRun, StageProducts> Produce { get; init; }

    /// <summary>
    /// Keeps what an interrupted run left in its work folder, for a stage that continues where it stopped.
    /// </summary>
    public bool Resumable { get; init; }

    /// <summary>
    /// What else must be unchanged for an output to stay valid, beyond its own files (Fetch: the dataset it points at);
    /// null when all is well, else what changed.
    /// </summary>
    public Func<string, ContentHasher, string?>? ExternalMismatch { get; init; }

    /// <summary>
    /// What to do once the stage's output is there (run or up to date), e.g. say where the report is.
    /// </summary>
    public Action<StageResult, RunSpec, ArtifactLayout, Spectre.Console.IAnsiConsole>? Announce { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// A stage cannot go on because of its input (a bad file, a missing upstream output); the message says which and what
/// to do.
/// </summary>
public sealed class StageException(string message) : Exception(message);
