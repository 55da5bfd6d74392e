namespace IdcRepro.Sweeps;

/// <summary>
/// What a job script needs beyond its job: the sweep, the submission's folder, where and how to call idc.
/// </summary>
public sealed record ScriptContext
{
    public required string SweepId { get; init; }
    public required int Submission { get; init; }

    /// <summary>The submission's folder (absolute): scripts and logs.</summary>
    public required string Folder { get; init; }

    /// <summary>Where jobs run idc from (absolute): the repository root, where the sweep was planned.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>
    /// The command words that start idc, e.g. dotnet /repo/src/IdcRepro.Cli/bin/Release/net10.0/idc.dll.
    /// </summary>
    public required IReadOnlyList<string> Program { get; init; }

    public required SweepProfile Profile { get; init; }

    /// <summary>The Slurm job id of every job already submitted, by plan name: what --dependency names.</summary>
    public IReadOnlyDictionary<string, string> JobIds { get; init; } = new Dictionary<string, string>();
}
