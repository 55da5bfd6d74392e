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

    /// <summary>Links runs/&lt;name&gt;/&lt;stage&gt; to a stage's output and saves the resolved config there.</summary>
    public void Record(StageResult result)
    {
        var runDir = Layout.RunDirectory(Config.Name);
        Directory.CreateDirectory(runDir);
        AtomicFile.WriteAllText(Path.Combine(runDir, "config.yaml"), ConfigWriter.ToYaml(Config));
        var link = Path.Combine(runDir, result.Stamp.Stage.ToLowerInvariant());
        if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget is not null) File.Delete(link);
        try
        {
            File.CreateSymbolicLink(link, Path.GetRelativePath(runDir, result.Directory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No symbolic links here (e.g. Windows without the privilege): a file naming the folder instead.
            AtomicFile.WriteAllText(link + ".path", result.Directory);
        }
    }
}
