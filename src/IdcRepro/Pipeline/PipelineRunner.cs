using System.Globalization;
using IdcRepro.Config;
using Spectre.Console;

namespace IdcRepro.Pipeline;

/// <summary>
/// Runs stages of the graph for runs of a config: works out each stage's key from exactly what it declares it reads
/// (its section, the files its section names, its upstream outputs), checks what the cache holds, and runs what is
/// missing, damaged or forced, upstream first. One per process (or per test): it remembers keys and content hashes.
/// </summary>
public sealed class PipelineRunner
{
    private readonly Dictionary<(string Stage, string Run), StageKey> _keys = new();

    /// <summary>
    /// Outputs verified in this process (by key hash): checked once, then trusted for the process's life.
    /// </summary>
    private readonly Dictionary<string, Stamp> _verified = new(StringComparer.Ordinal);

    public PipelineRunner(ArtifactLayout layout, IAnsiConsole console, CancellationToken cancellation = default)
    {
        Layout = layout;
        Console = console;
        Cancellation = cancellation;
        Hashes = new ContentHasher(layout.StateRoot);
        Cache = new StageCache(layout, Hashes);
    }

    public ArtifactLayout Layout { get; }
    public IAnsiConsole Console { get; }

    /// <summary>
    /// Cancelled on Ctrl+C or SIGTERM: long stages stop at a safe point (training after its last complete epoch).
    /// </summary>
    public CancellationToken Cancellation { get; }

    public ContentHasher Hashes { get; }
    public StageCache Cache { get; init; }

    /// <summary>
    /// The stage's key for a run: its name, version and section, the content hash of every file or folder a
    /// <c>[ConfigPath]</c> value of the section names, and the verified output hash of every upstream stage it reads.
    /// </summary>
    /// <exception cref="StageException">An upstream output it reads is missing or damaged.</exception>
    public StageKey KeyFor(StageDefinition stage, RunSpec run)
    {
        var memo = (stage.Name, ConfigWriter.ToCanonicalJson(run.Config));
        if (_keys.TryGetValue(memo, out var known)) return known;

        var section = stage.Section(run.Config);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in stage.FilesOf(run.Config))
            inputs[$"content:{name}"] = ContentOf(stage, name, path);
        foreach (var read in stage.Reads)
        {
            if (read.Scope == ReadScope.Run)
                inputs[read.Stage.Name.ToLowerInvariant()] = Require(read.Stage, run).Stamp.OutputHash;
            else
                foreach (var member in run.Family)
                    inputs[$"{read.Stage.Name.ToLowerInvariant()}@{member.Name}"] =
                        Require(read.Stage, run with { Config = member }).Stamp.OutputHash;
        }
        var key = StageKey.For(stage.Name, stage.Version, section, inputs);
        _keys[memo] = key;
        return key;
    }

    /// <summary>The verified output of a stage for a run, or a clear error saying how to make it.</summary>
    public StageResult Require(StageDefinition stage, RunSpec run)
    {
        var key = KeyFor(stage, run);
        var found = Lookup(stage, key);
        if (found.Stamp is { } stamp) return new StageResult(stamp, Layout.StageDirectory(key), Ran: false);
        var how = $"Run ./build.sh --target {stage.Name} with the same --config and --set (or " +
            $"`idc {stage.Name.ToLowerInvariant()}`).";
        throw new StageException(found.Damage is { } damage
            ? $"{stage.Name}'s output for {run.Name} is damaged ({damage}); it is not used. {how} It will be made " +
                "again."
            : $"{stage.Name} has not run for {run.Name} (no output for key {key.Short}). {how}");
    }

    /// <summary>
    /// Whether the cache holds an intact output of the stage for the run, with everything it reads intact too: what a
    /// sweep asks before planning a job. Never runs anything (false when anything upstream is missing or damaged, or a
    /// file the config names does not exist).
    /// </summary>
    public bool IsUpToDate(StageDefinition stage, RunSpec run)
    {
        try
        {
            return Lookup(stage, KeyFor(stage, run)).Stamp is not null;
        }
        catch (StageException)
        {
            return false;
        }
    }

    /// <summary>Read access to a finished run's outputs (each verified when first asked for).</summary>
    public IRunOutputs Outputs(RunSpec run) => new FinishedRun(this, run);

    /// <summary>
    /// Makes a stage's output for a run: first every upstream stage it reads (not forced; each runs only when missing
    /// or damaged), then the stage itself (rerun when <paramref name="force"/>). Says what ran, and what was damaged.
    /// </summary>
    public StageResult Run(StageDefinition stage, RunSpec run, bool force = false)
    {
        EnsureReads(stage, run);
        var key = KeyFor(stage, run);
        var result = Cache.GetOrRun(key, force, work => Produce(stage, run, work, force), stage.Resumable,
            stage.ExternalMismatch,
            waiting => Console.MarkupLineInterpolated($"[yellow]{waiting}[/]"));
        _verified[key.Hash] = result.Stamp;
        Say(stage, run, result);
        RecordRun(run, result);
        stage.Announce?.Invoke(result, run, Layout, Console);
        Hashes.Save();
        return result;
    }

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>
    /// Updates runs/&lt;name&gt;/; when it cannot (a full disk), says so once and goes on: the output itself is
    /// complete.
    /// </summary>
    private void RecordRun(RunSpec run, StageResult result)
    {
        try
        {
            RunFolder.Record(Layout, run.Config, result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var runDir = Layout.RunDirectory(run.Name);
            if (!_warned.Add(runDir)) return;
            var reason = WriteFailure.IsDiskFull(e) ? "no space left on the disk"
                : (e.InnerException ?? e).Message.TrimEnd('.');
            Console.MarkupLine(
                $"[yellow]warning: could not update {Markup.Escape(ConfigOrigin.DisplayPath(runDir))} " +
                $"({Markup.Escape(reason)}); the stage outputs are complete and unaffected. Free some space to bring " +
                "it up to date.[/]");
        }
    }

    private void EnsureReads(StageDefinition stage, RunSpec run)
    {
        foreach (var read in stage.Reads)
        {
            if (read.Scope == ReadScope.Run) Ensure(read.Stage, run);
            else foreach (var member in run.Family) Ensure(read.Stage, run with { Config = member });
        }
    }

    /// <summary>Runs a stage (and what it reads) only when its output is missing or damaged.</summary>
    private void Ensure(StageDefinition stage, RunSpec run)
    {
        EnsureReads(stage, run);
        if (Lookup(stage, KeyFor(stage, run)).Stamp is null) Run(stage, run);
    }

    private CacheLookup Lookup(StageDefinition stage, StageKey key)
    {
        if (_verified.TryGetValue(key.Hash, out var stamp)) return new CacheLookup(stamp, null);
        var found = Cache.Find(key, stage.ExternalMismatch);
        if (found.Stamp is { } ok) _verified[key.Hash] = ok;
        return found;
    }

    private StageProducts Produce(StageDefinition stage, RunSpec run, string work, bool force)
    {
        var products = stage.Produce(new StageRun(stage, run, work, this, force));
        var missing = stage.Outputs.Where(o => !File.Exists(Path.Combine(work, o))).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"{stage.Name} did not write the outputs it declares: {string.Join(", ", missing)}.");
        return products;
    }

    private void Say(StageDefinition stage, RunSpec run, StageResult result)
    {
        var label = run.Family.Count > 1 ? $"{stage.Name} ({run.Name})" : stage.Name;
        var where = Path.GetRelativePath(Directory.GetCurrentDirectory(), result.Directory);
        if (result.Remade is { } damage)
            Console.MarkupLineInterpolated(
                $"[yellow]{label}: the cached output was damaged ({damage}), so it was remade[/]");
        if (result.Ran)
        {
            var seconds = result.Stamp.Seconds.ToString("0.0", CultureInfo.InvariantCulture);
            Console.MarkupLineInterpolated($"[green]{label}: done[/] in {seconds} s -> {where}");
        }
        else
            Console.MarkupLineInterpolated($"{label}: up to date ({where})");
    }

    private string ContentOf(StageDefinition stage, string key, string path)
    {
        if (File.Exists(path))
        {
            var size = new FileInfo(path).Length;
            if (size < 64 << 20
                || Hashes.Remembers(Path.GetDirectoryName(Path.GetFullPath(path))!, [Path.GetFileName(path)]))
                return Hashes.File(path)!;
            return Console.Progress().Start(p =>
            {
                var task = p.AddTask($"{stage.Name}: hashing {Path.GetFileName(path)} ({key})", maxValue: size);
                return Hashes.File(path, new Progress<long>(b => task.Value = b))!;
            });
        }
        if (Directory.Exists(path))
            return Console.Progress().Start(p =>
            {
                var task = p.AddTask($"{stage.Name}: checking the files of {path} ({key})", maxValue: 1);
                return Hashes.Folder(path,
                    new Progress<int>(n => { task.MaxValue = Math.Max(task.MaxValue, n); task.Value = n; }));
            });
        throw new StageException($"{key}: {path} does not exist. Point {key} at an existing file or folder.");
    }
}
