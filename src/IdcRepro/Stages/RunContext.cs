using IdcRepro.Config;
using IdcRepro.Pipeline;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>What every stage shell gets: the resolved config, where artifacts live, whether to force, and the console.</summary>
public sealed class RunContext(IdcConfig config, ArtifactLayout layout, IAnsiConsole console, bool force = false, CancellationToken cancellation = default)
{
    /// <summary>Cancelled on Ctrl+C: long stages stop at a safe point (training after saving its last epoch).</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public IdcConfig Config { get; } = config;
    public ArtifactLayout Layout { get; } = layout;
    public StageCache Cache { get; } = new(layout);
    public IAnsiConsole Console { get; } = console;
    public bool Force { get; } = force;

    private readonly Dictionary<string, StageKey> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// A stage's key, worked out once per run: every key chains through all upstream keys (and a folder source is
    /// fingerprinted by listing it), so without this a late stage would recompute the whole chain many times over.
    /// </summary>
    public StageKey Key(string stage, Func<StageKey> compute)
    {
        if (!_keys.TryGetValue(stage, out var key)) _keys[stage] = key = compute();
        return key;
    }

    /// <summary>The complete output of an upstream stage, or a clear error saying how to make it.</summary>
    public StageResult Require(StageKey key)
    {
        var stamp = Cache.Find(key) ?? throw new StageException(
            $"{key.Stage} has not run for this config (no complete output for key {key.Short}). " +
            $"Run ./build.sh --target {key.Stage} with the same --config and --set, or `idc {key.Stage.ToLowerInvariant()}`, first.");
        return new StageResult(stamp, Layout.StageDirectory(key), Ran: false);
    }

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>Links runs/&lt;name&gt;/&lt;stage&gt; to a stage's output and saves the resolved config there (a warning when it cannot).</summary>
    public void Record(StageResult result)
    {
        var runDir = Layout.RunDirectory(Config.Name);
        Refresh(runDir, () =>
        {
            Directory.CreateDirectory(runDir);
            AtomicFile.WriteAllText(Path.Combine(runDir, "config.yaml"), ConfigWriter.ToYaml(Config));
            var link = Path.Combine(runDir, result.Stamp.Stage.ToLowerInvariant());
            if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget is not null) File.Delete(link);
            try
            {
                File.CreateSymbolicLink(link, Path.GetRelativePath(runDir, result.Directory));
            }
            catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && !WriteFailure.IsDiskFull(e))
            {
                // No symbolic links here (e.g. Windows without the privilege): a file naming the folder instead.
                AtomicFile.WriteAllText(link + ".path", result.Directory);
            }
        });
    }

    /// <summary>
    /// Writes a convenience file (a run's config.yaml and stage links, artifacts/last-report.txt). They only point at
    /// outputs that are complete already, so one that cannot be written (a full disk) is a one-line warning and the
    /// run goes on: an up-to-date stage never fails over them.
    /// </summary>
    public void Refresh(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!_warned.Add(path)) return;
            var reason = WriteFailure.IsDiskFull(e) ? "no space left on the disk" : (e.InnerException ?? e).Message.TrimEnd('.');
            Console.MarkupLineInterpolated($"[yellow]warning: could not update {ConfigOrigin.DisplayPath(path)} ({reason}); the stage outputs are complete and unaffected. Free some space to bring it up to date.[/]");
        }
    }
}
