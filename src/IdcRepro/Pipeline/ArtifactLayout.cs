namespace IdcRepro.Pipeline;

/// <summary>
/// The one place that knows where artifacts live:
/// <c>cache/&lt;stage&gt;/&lt;key&gt;/</c> holds a stage's outputs addressed by its key (shared by every config that
/// agrees up to that stage), <c>runs/&lt;name&gt;/</c> a run's resolved config, links to its stage outputs and its exports,
/// <c>downloads/</c> fetched archives (kept by Clean unless asked), <c>state/</c> remembered content hashes
/// (<see cref="HashState"/>).
/// </summary>
public sealed record ArtifactLayout(string Root)
{
    public static ArtifactLayout At(string root) => new(Path.GetFullPath(root));

    public string CacheRoot => Path.Combine(Root, "cache");
    public string RunsRoot => Path.Combine(Root, "runs");
    public string Downloads => Path.Combine(Root, "downloads");
    public string StateRoot => Path.Combine(Root, "state");

    public string StageRoot(string stage) => Path.Combine(CacheRoot, stage.ToLowerInvariant());
    public string StageDirectory(StageKey key) => Path.Combine(StageRoot(key.Stage), key.Short);
    public string RunDirectory(string runName) => Path.Combine(RunsRoot, runName);

    /// <summary>Where <c>idc export --format &lt;format&gt;</c> writes a run's model by default: <c>runs/&lt;name&gt;/export/&lt;format&gt;/</c>.</summary>
    public string ExportDirectory(string runName, string format) => Path.Combine(RunDirectory(runName), "export", format);
}
