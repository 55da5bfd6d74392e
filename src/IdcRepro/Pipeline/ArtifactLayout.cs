namespace IdcRepro.Pipeline;

/// <summary>
/// The one place that knows where artifacts live:
/// <c>cache/&lt;stage&gt;/&lt;key&gt;/</c> holds a stage's outputs addressed by its key (shared by every config that
/// agrees up to that stage), <c>runs/&lt;name&gt;/</c> a run's resolved config, links to its stage outputs and its
/// exports, <c>downloads/</c> fetched archives (kept by Clean unless asked), <c>state/</c> remembered content hashes
/// (<see cref="HashState"/>), <c>sweeps/&lt;id&gt;/</c> a sweep's record, job scripts, logs and comparison page.
/// </summary>
public sealed record ArtifactLayout(string Root)
{
    public static ArtifactLayout At(string root) => new(Path.GetFullPath(root));

    public string CacheRoot => Path.Combine(Root, "cache");
    public string RunsRoot => Path.Combine(Root, "runs");
    public string Downloads => Path.Combine(Root, "downloads");
    public string StateRoot => Path.Combine(Root, "state");
    public string SweepsRoot => Path.Combine(Root, "sweeps");

    public string StageRoot(string stage) => Path.Combine(CacheRoot, stage.ToLowerInvariant());
    public string StageDirectory(StageKey key) => Path.Combine(StageRoot(key.Stage), key.Short);
    public string RunDirectory(string runName) => Path.Combine(RunsRoot, runName);
    public string SweepDirectory(string sweepId) => Path.Combine(SweepsRoot, sweepId);

    /// <summary>
    /// The scripts and logs of one submission of a sweep: <c>sweeps/&lt;id&gt;/submission-&lt;n&gt;/</c>.
    /// </summary>
    public string SubmissionDirectory(string sweepId, int number) =>
        Path.Combine(SweepDirectory(sweepId), $"submission-{number}");

    /// <summary>Where a sweep's Compare job writes compare.html.</summary>
    public string SweepCompareDirectory(string sweepId) => Path.Combine(SweepDirectory(sweepId), "compare");

    /// <summary>
    /// Where <c>idc export --format &lt;format&gt;</c> writes a run's model by default:
    /// <c>runs/&lt;name&gt;/export/&lt;format&gt;/</c>.
    /// </summary>
    public string ExportDirectory(string runName, string format) =>
        Path.Combine(RunDirectory(runName), "export", format);
}
