using IdcRepro.Sweeps;

namespace IdcRepro.Tests.Sweeps;

public sealed class SweepStatusTests
{
    private const string Folder = "/art/sweeps/abc/submission-1";

    private static SubmittedJob Job(string name, SweepJobKind kind, string id, params string[] runs) => new()
    {
        Name = name, Kind = kind, JobId = id, Script = $"{Folder}/{name}.sh", Variants = ["a.yaml"], Calls = [],
        After = [], Cpus = 1,
        Tasks = runs.Select((r, i) => new SubmittedTask(i, "a.yaml", r)).ToList(),
    };

    private static SweepRecord Record(ExecutorKind executor = ExecutorKind.Slurm, params SubmittedJob[] jobs) => new()
    {
        Id = "abc", WorkingDirectory = "/repo", Artifacts = "/art", Variants = ["a.yaml", "bad.yaml"],
        Submissions =
        [
            new SweepSubmission
            {
                Number = 1, Executor = executor, Profile = "/repo/profiles/slurm.yaml",
                SubmittedUtc = DateTimeOffset.UnixEpoch, Folder = Folder, Jobs = jobs,
            },
        ],
    };

    private static readonly SubmittedJob[] Jobs =
    [
        Job("data-1", SweepJobKind.Data, "41"),
        Job("train-1", SweepJobKind.Train, "42", "a-seed1", "a-seed2"),
        Job("compare", SweepJobKind.Compare, "44"),
    ];

    private static IReadOnlyDictionary<string, IReadOnlyList<SlurmJobState>> Slurm(string scontrol) =>
        SlurmJobState.Parse(scontrol).GroupBy(s => s.ArrayJobId ?? s.JobId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SlurmJobState>)g.ToList());

    [Fact]
    public void Slurm_says_how_each_job_and_array_task_stands_while_it_knows_them()
    {
        var slurm = Slurm(
            "JobId=41 JobState=FAILED Reason=NonZeroExitCode ExitCode=1:0\n" +
            "JobId=43 ArrayJobId=42 ArrayTaskId=0 JobState=CANCELLED Reason=DependencyNeverSatisfied ExitCode=0:0\n" +
            "JobId=42 ArrayJobId=42 ArrayTaskId=1 JobState=CANCELLED Reason=DependencyNeverSatisfied ExitCode=0:0\n" +
            "JobId=44 JobState=CANCELLED Reason=DependencyNeverSatisfied ExitCode=0:0\n");
        var logs = new Dictionary<string, string>
        {
            [$"{Folder}/data-1.41.log"] = "Fetch: ...\n" +
                "error: data.path: /x/missing.zip does not exist. Point data.path at an existing file or folder.\n"
        };
        var rows = SweepStatus.Of(Record(jobs: Jobs), slurm, (_, _, _) => false, logs.GetValueOrDefault);

        Assert.Equal(["41 FAILED slurm", "42_0 CANCELLED slurm", "42_1 CANCELLED slurm", "44 CANCELLED slurm"],
            rows.Select(r => $"{r.Id} {r.State} {r.Source}"));
        Assert.Equal(
            "error: data.path: /x/missing.zip does not exist. Point data.path at an existing file or folder.",
            rows[0].LastError);
        Assert.Equal(SweepVerdict.Failed, SweepStatusText.Verdict(rows));

        var text = SweepStatusText.Render(Record(jobs: Jobs), rows, p => p, logs.ContainsKey);
        Assert.Contains("failed: 4 of 4 unit(s) of submission 1 did not complete\n" +
                        $"  data-1: job 41 FAILED (NonZeroExitCode, exit 1:0), log {Folder}/data-1.41.log: " +
                        "error: data.path: /x/missing.zip does not exist.", text);
        Assert.Contains("  compare: job 44 CANCELLED (DependencyNeverSatisfied)\n", text);
        Assert.Contains("\n  train-1  42_1  a-seed2  CANCELLED (DependencyNeverSatisfied)  slurm  (no log)\n", text);
    }

    [Fact]
    public void Once_slurm_has_forgotten_a_job_the_cache_and_the_log_tell()
    {
        var logs = new Dictionary<string, string>
        {
            [$"{Folder}/train-1.42_1.log"] = "Train: epoch   1\n" +
                "slurmstepd-vm: error: *** JOB 45 ON vm CANCELLED AT 2026-12-03T18:46:20 ***\n" +
                "Evaluate: interrupted\n",
            [$"{Folder}/data-1.41.log"] = "error: data.path: missing\n",
        };
        // a-seed1's outputs are in the cache; a-seed2 was cancelled; the data job failed; compare never started.
        var rows = SweepStatus.Of(Record(jobs: Jobs), new Dictionary<string, IReadOnlyList<SlurmJobState>>(),
            (_, job, task) => task?.Run == "a-seed1", logs.GetValueOrDefault);

        Assert.Equal(["41 FAILED log", "42_0 COMPLETED stamps", "42_1 CANCELLED log", "44 NOT RUN log"],
            rows.Select(r => $"{r.Id} {r.State} {r.Source}"));
        Assert.Equal("no log: it never started", rows[3].Reason);
        Assert.StartsWith("slurmstepd-vm: error: *** JOB 45", rows[2].LastError);
    }

    [Fact]
    public void A_sweep_is_active_while_a_unit_is_queued_and_complete_when_every_unit_of_its_last_submission_is()
    {
        var running = Slurm(
            "JobId=41 JobState=COMPLETED ExitCode=0:0\n" +
            "JobId=42 ArrayJobId=42 ArrayTaskId=0-1 JobState=PENDING Reason=Dependency\n" +
            "JobId=44 JobState=PENDING Reason=Dependency\n");
        Assert.Equal(SweepVerdict.Active,
            SweepStatusText.Verdict(SweepStatus.Of(Record(jobs: Jobs), running, (_, _, _) => false, _ => null)));

        var done = SweepStatus.Of(Record(jobs: Jobs), new Dictionary<string, IReadOnlyList<SlurmJobState>>(),
            (_, _, _) => true, _ => null);
        Assert.Equal(SweepVerdict.Complete, SweepStatusText.Verdict(done));
        Assert.EndsWith("complete: all 4 unit(s) of submission 1 completed\n",
            SweepStatusText.Render(Record(jobs: Jobs), done, p => p, _ => true));
    }

    [Fact]
    public void The_local_executor_records_how_each_unit_ended()
    {
        var jobs = Jobs.Select(j => j with
        {
            JobId = JobLog.LocalId,
            Outcomes = j.IsArray ? [new UnitOutcome(0, "COMPLETED", 0), new UnitOutcome(1, "FAILED", 1)]
                : [new UnitOutcome(null, j.Name == "compare" ? "CANCELLED" : "COMPLETED",
                    Reason: j.Name == "compare" ? "DependencyNeverSatisfied" : null)],
        }).ToArray();
        var rows = SweepStatus.Of(Record(ExecutorKind.Local, jobs),
            new Dictionary<string, IReadOnlyList<SlurmJobState>>(), (_, _, _) => false, _ => null);
        Assert.Equal(["local COMPLETED", "local_0 COMPLETED", "local_1 FAILED", "local CANCELLED"],
            rows.Select(r => $"{r.Id} {r.State}"));
        Assert.All(rows, r => Assert.Equal("local", r.Source));
        Assert.Equal($"{Folder}/train-1.local_1.log", rows[2].Log);
    }
}
