using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Pipeline;

/// <summary>
/// Two idc processes making the same outputs at once, as two jobs of a sweep on one shared artifacts folder may: each
/// stage is made once, the other process waits for it (saying so) and uses it, and the run folder ends consistent.
/// </summary>
public sealed class ConcurrentRunsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // Training long enough (20 epochs of ~0.2 s, no early stop) that the second process arrives while the first trains.
    private static readonly string[] Sets =
        ["train.epochs=20", "train.early_stopping.patience=0", "train.threads=1", "evaluate.bootstrap_resamples=50"];

    [Fact]
    [Trait(Tier.Name, Tier.Long)]
    public async Task Two_processes_making_the_same_run_make_each_output_once_and_leave_the_run_folder_consistent()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var artifacts = _temp.PathOf("artifacts");
        string[] args = ["evaluate", "--config", config, "--artifacts", artifacts,
            .. Sets.SelectMany(s => new[] { "--set", s })];
        using var go = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            go.Wait();
            return IdcProcess.Run(_temp.Path, args);
        })).ToList();
        go.Set();
        var outcomes = await Task.WhenAll(runs);

        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, o.Output + o.Error));
        foreach (var stage in Graph.Upstream(Graph.Evaluate).Append(Graph.Evaluate))
            Assert.Single(outcomes, o => o.Output.Contains($"{stage.Name}: done", StringComparison.Ordinal));
        // Train takes seconds: the process that did not make it waited for the one that did, then used its output.
        var waiter = Assert.Single(outcomes,
            o => o.Output.Contains("Train: another process is making the same output", StringComparison.Ordinal));
        Assert.Contains("Train: up to date", waiter.Output);
        Assert.Contains("Evaluate: up to date", waiter.Output);

        var run = new TestRun(config, artifacts, Sets);
        Assert.All(Graph.Upstream(Graph.Evaluate).Append(Graph.Evaluate),
            s => Assert.True(run.Runner.IsUpToDate(s, run.Run), $"{s.Name} is not intact"));
        var runFolder = run.Layout.RunDirectory("tiny");
        Assert.Equal(ConfigWriter.ToYaml(run.Config), File.ReadAllText(Path.Combine(runFolder, RunFolder.ConfigFile)));
        foreach (var stage in Graph.Upstream(Graph.Evaluate).Append(Graph.Evaluate))
            Assert.Equal(run.Folder(stage), Path.GetFullPath(Path.Combine(runFolder,
                new FileInfo(Path.Combine(runFolder, stage.Name.ToLowerInvariant())).LinkTarget!)));
        Assert.Empty(Directory.GetFileSystemEntries(runFolder, ".*"));
        Assert.Empty(Directory.GetDirectories(run.Layout.CacheRoot, ".partial-*", SearchOption.AllDirectories));
    }
}
