using System.Text.RegularExpressions;
using IdcRepro.Pipeline;
using IdcRepro.Sweeps;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Sweeps;

/// <summary>
/// The demo sweep of issue 14 for real: 2 variants x 2 seeds of a tiny synthetic config (3 epochs, 1 thread each),
/// through sbatch on the one-node cluster of scripts/slurm-cluster.sh and under the local executor. Needs the cluster
/// running (CI's .ci/run starts it); fails, saying how to start it, when it does not answer.
/// </summary>
[Trait(Tier.Name, Tier.Long)]
public sealed class SlurmSweepTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);
    private static readonly string[] Runs = ["tiny-seed1", "tiny-seed2", "tinyb-seed1", "tinyb-seed2"];
    private static string Profile(string name) => Path.Combine(RepoPaths.Root, "profiles", $"{name}.yaml");

    private readonly TempFolder _temp = new();

    public SlurmSweepTests()
    {
        _temp.File("a.yaml", "name: tiny\ndata:\n  source: synthetic\n  synthetic:\n    seed: 3\n    patients: 3\n" +
                             "    grid_columns: 10\n    grid_rows: 10\n" +
                             "train:\n  epochs: 3\n  threads: 1\nevaluate:\n  bootstrap_resamples: 100\n");
        _temp.File("b.yaml", "extends: a.yaml\nname: tinyb\ntrain:\n  learning_rate: 0.001\n");
        _temp.File("bad.yaml",
            "extends: a.yaml\nname: bad\ndata:\n  source: zip\n  path: missing/IDC_regular_ps50_idx5.zip\n");
    }

    public void Dispose() => _temp.Dispose();

    private string[] Sweep(string artifacts, string profile, params string[] more) =>
        ["sweep", "--config", "a.yaml", "--config", "b.yaml", "--set", "seeds=[1, 2]",
            "--artifacts", _temp.PathOf(artifacts), "--profile", Profile(profile), .. more];

    private SweepRecord Record(string artifacts)
    {
        var sweeps = Directory.GetDirectories(ArtifactLayout.At(_temp.PathOf(artifacts)).SweepsRoot);
        return SweepRecord.Read(Assert.Single(sweeps))!;
    }

    [Fact]
    public async Task
        Two_variants_by_two_seeds_on_slurm_equal_the_local_executor_bit_for_bit_and_a_cancelled_training_resumes()
    {
        var slurm = SlurmCluster.Environment();

        // The local executor, two workers.
        var local = IdcProcess.Run(_temp.Path, slurm, Limit, Sweep("local", "local", "--jobs", "2"));
        Assert.True(local.ExitCode == 0, local.Output + local.Error);
        Assert.Contains("complete: all 7 unit(s) of submission 1 completed", local.Output);

        // Slurm, waited for in the background; one training is cancelled once its first epoch's checkpoint is written.
        var submitted = Task.Run(() => IdcProcess.Run(_temp.Path, slurm, Limit, Sweep("slurm", "slurm", "--wait")));
        var (cancelled, unit) = await CancelAfterFirstEpoch(slurm, submitted);
        var first = await submitted;
        Assert.True(first.ExitCode == 1,
            $"the sweep should fail with {unit} cancelled (did its training end before scancel reached it?): " +
            $"{first.Output}{first.Error}");

        // It ran under Slurm: every job has a Slurm id, Slurm knows its state, and each waits (afterok) for what it
        // reads.
        var record = Record("slurm");
        var submission = Assert.Single(record.Submissions);
        Assert.Equal(ExecutorKind.Slurm, submission.Executor);
        var ids = submission.Jobs.ToDictionary(j => j.Name, j => j.JobId!);
        Assert.Equal(["data-1", "train-1", "report-1", "compare"], ids.Keys);
        Assert.All(ids.Values, id => Assert.Matches("^[0-9]+$", id));
        Assert.Equal("COMPLETED", Assert.Single(SlurmCluster.Show(slurm, ids["data-1"])).State);
        var tasks = SlurmCluster.Show(slurm, ids["train-1"]).SelectMany(s => s.Tasks.Select(t => (Task: t, s.State)))
            .OrderBy(t => t.Task).ToList();
        Assert.Equal(Enumerable.Range(0, 4)
            .Select(t => (t, $"{ids["train-1"]}_{t}" == unit ? "CANCELLED" : "COMPLETED")), tasks);
        foreach (var job in new[] { "report-1", "compare" })
            Assert.Equal(("CANCELLED", "DependencyNeverSatisfied"),
                SlurmCluster.Show(slurm, ids[job]).Select(s => (s.State, s.Reason)).Single());
        Assert.Contains($"#SBATCH --dependency=afterok:{ids["data-1"]}\n", File.ReadAllText(submission.Jobs[1].Script));
        Assert.Contains($"#SBATCH --dependency=afterok:{ids["data-1"]}:{ids["train-1"]}\n",
            File.ReadAllText(submission.Jobs[2].Script));
        Assert.Contains($"#SBATCH --dependency=afterok:{ids["data-1"]}:{ids["train-1"]}:{ids["report-1"]}\n",
            File.ReadAllText(submission.Jobs[3].Script));
        Assert.Equal([ids["data-1"], ids["train-1"], ids["report-1"]], submission.Jobs[3].AfterIds);
        Assert.Contains("#SBATCH --kill-on-invalid-dep=yes\n", File.ReadAllText(submission.Jobs[3].Script));

        // Submitted again: only the cancelled run trains, and it goes on from its checkpoint.
        var again = IdcProcess.Run(_temp.Path, slurm, Limit, Sweep("slurm", "slurm", "--wait"));
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        var second = Record("slurm").Submissions[1];
        Assert.Equal(["train-1", "report-1", "compare"], second.Jobs.Select(j => j.Name));
        var retrained = Assert.Single(second.Jobs[0].Tasks);
        Assert.Equal(cancelled, retrained.Run);
        Assert.Matches(new Regex(@"Train: resuming after epoch [12]\b"),
            File.ReadAllText(second.Jobs[0].Log(second.Folder, 0)!));

        // Bit for bit what the local executor made (CPU determinism: the resumed run too), and every run folder whole.
        foreach (var run in Runs)
        {
            foreach (var file in new[] { "evaluate/metrics.json", "train/history.csv" })
                Assert.Equal(File.ReadAllBytes(_temp.PathOf($"local/runs/{run}/{file}")),
                    File.ReadAllBytes(_temp.PathOf($"slurm/runs/{run}/{file}")));
            AssertRunFolderWhole(_temp.PathOf($"slurm/runs/{run}"));
        }
        var compare = File.ReadAllText(Path.Combine(
            ArtifactLayout.At(_temp.PathOf("slurm")).SweepCompareDirectory(record.Id), "compare.md"));
        Assert.Contains("The 4 runs behind the figures: tiny-seed1, tiny-seed2 (column tiny-seed1); " +
            "tinyb-seed1, tinyb-seed2 (column tinyb-seed1).", compare);

        // Submitted once more: nothing to do, nothing submitted.
        var third = IdcProcess.Run(_temp.Path, slurm, Limit, Sweep("slurm", "slurm", "--wait"));
        Assert.True(third.ExitCode == 0, third.Output + third.Error);
        Assert.Contains(
            $"sweep {record.Id}: up to date, nothing to submit (4 run(s) evaluated and reported;", third.Output);
        Assert.Equal(2, Record("slurm").Submissions.Count);
    }

    [Fact]
    public void A_variant_with_a_bad_data_path_fails_its_own_jobs_and_leaves_compare_unrun()
    {
        var slurm = SlurmCluster.Environment();
        var artifacts = _temp.PathOf("failing");
        var outcome = IdcProcess.Run(_temp.Path, slurm, Limit,
            "sweep", "--config", "a.yaml", "--config", "bad.yaml", "--set", "train.epochs=1", "--artifacts", artifacts,
            "--profile", Profile("slurm"), "--wait");
        Assert.True(outcome.ExitCode == 1, outcome.Output + outcome.Error);

        var record = Record("failing");
        var jobs = record.Submissions.Single().Jobs.ToDictionary(j => j.Name);
        Assert.Equal(["data-1", "train-1", "report-1", "data-2", "train-2", "report-2", "compare"], jobs.Keys);
        string State(string job) => SlurmCluster.Show(slurm, jobs[job].JobId!).Select(s => s.State).Distinct().Single();
        // The good variant's jobs ran; the bad one's data job failed, and what waits for it was cancelled, Compare too.
        Assert.Equal(["COMPLETED", "COMPLETED", "COMPLETED"], new[] { "data-1", "train-1", "report-1" }.Select(State));
        Assert.Equal("FAILED", State("data-2"));
        Assert.Equal(["CANCELLED", "CANCELLED", "CANCELLED"], new[] { "train-2", "report-2", "compare" }.Select(State));
        Assert.Equal("DependencyNeverSatisfied", SlurmCluster.Show(slurm, jobs["compare"].JobId!).Single().Reason);
        Assert.False(File.Exists(
            Path.Combine(ArtifactLayout.At(artifacts).SweepCompareDirectory(record.Id), "compare.html")));

        var status = IdcProcess.Run(_temp.Path, slurm, "sweep", "status", record.Id, "--artifacts", artifacts);
        Assert.Equal(0, status.ExitCode);
        // Paths as the status shows them: relative to where it runs.
        var log = Path.GetRelativePath(_temp.Path,
            JobLog.Of(record.Submissions[0].Folder, "data-2", jobs["data-2"].JobId!));
        Assert.Contains($"\n  data-2: job {jobs["data-2"].JobId} FAILED (NonZeroExitCode, exit 1:0), " +
            $"log {log}: error: data.path: ", status.Output);
        Assert.Contains(
            $"\n  compare: job {jobs["compare"].JobId} CANCELLED (DependencyNeverSatisfied)\n", status.Output);
    }

    /// <summary>
    /// Waits for a training's log to show its first epoch (its checkpoint is then written), and scancels that array
    /// task.
    /// </summary>
    private async Task<(string Run, string Unit)> CancelAfterFirstEpoch(IReadOnlyDictionary<string, string> slurm,
        Task<IdcOutcome> submitted)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (submitted.IsCompleted)
                Assert.Fail("the sweep ended before a training reached its first epoch: " +
                    $"{(await submitted).Output}{(await submitted).Error}");
            var logs = Directory.Exists(ArtifactLayout.At(_temp.PathOf("slurm")).SweepsRoot)
                ? Directory.GetFiles(ArtifactLayout.At(_temp.PathOf("slurm")).SweepsRoot, "train-1.*_*.log",
                    SearchOption.AllDirectories)
                : [];
            foreach (var log in logs)
            {
                if (!File.ReadAllText(log).Contains("Train: epoch   1 ", StringComparison.Ordinal)) continue;
                var unit = Path.GetFileNameWithoutExtension(log)["train-1.".Length..];
                Assert.Equal(0, SlurmCluster.Run(slurm, "scancel", unit).Exit);
                var checkpoints = Directory.GetFiles(ArtifactLayout.At(_temp.PathOf("slurm")).StageRoot("Train"),
                    "last.json", SearchOption.AllDirectories);
                Assert.Contains(checkpoints,
                    c => Path.GetFileName(Path.GetDirectoryName(c)!).StartsWith(".partial-", StringComparison.Ordinal));
                var task = int.Parse(unit.Split('_')[1], System.Globalization.CultureInfo.InvariantCulture);
                return (Runs[task], unit);
            }
            await Task.Delay(100);
        }
        Assert.Fail("no training reached its first epoch in time");
        throw new InvalidOperationException();
    }

    /// <summary>
    /// A run folder written by concurrent jobs: its config, a link to an intact output for each stage the sweep's jobs
    /// ran for it (the data stages a first seed made are linked from that seed's folder only), nothing half-written.
    /// </summary>
    private static void AssertRunFolderWhole(string runFolder)
    {
        Assert.True(File.Exists(Path.Combine(runFolder, RunFolder.ConfigFile)), runFolder);
        string[] linked = ["undersample", "train", "evaluate", "report"];
        foreach (var stage in Graph.Stages.Select(s => s.Name.ToLowerInvariant()))
        {
            var target = new FileInfo(Path.Combine(runFolder, stage)).LinkTarget;
            if (target is null && !linked.Contains(stage)) continue;
            Assert.True(target is not null, $"{runFolder} has no link to its {stage} output");
            Assert.True(File.Exists(Path.Combine(runFolder, target!, Stamp.FileName)),
                $"{runFolder}: {stage} links to {target}, which has no stamp");
        }
        Assert.Empty(Directory.GetFileSystemEntries(runFolder, ".*"));
    }
}
