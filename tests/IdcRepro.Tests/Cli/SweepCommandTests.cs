using IdcRepro.Pipeline;
using IdcRepro.Sweeps;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Cli;

/// <summary>
/// The sweep command's shell: one error line for what a user can get wrong, and the scripts of a dry run.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public SweepCommandTests()
    {
        TestRuns.TinySyntheticConfig(_temp);
        _temp.File("b.yaml", "extends: tiny.yaml\nname: tinyb\ntrain:\n  learning_rate: 0.001\n");
    }

    public void Dispose() => _temp.Dispose();

    private static string Profile(string name) => Path.Combine(RepoPaths.Root, "profiles", $"{name}.yaml");

    [Fact]
    public void A_dry_run_writes_every_job_script_and_submits_nothing()
    {
        var outcome = IdcProcess.Run(_temp.Path, "sweep", "--config", "tiny.yaml", "--config", "b.yaml", "--set",
            "seeds=[1, 2]", "--artifacts", "art", "--profile", Profile("slurm"), "--dry-run");
        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
        var sweep = Assert.Single(Directory.GetDirectories(ArtifactLayout.At(_temp.PathOf("art")).SweepsRoot));
        Assert.Equal(["compare.sh", "data-1.sh", "report-1.sh", "train-1.sh"],
            Directory.GetFiles(Path.Combine(sweep, "dry-run")).Select(Path.GetFileName).Order());
        var train = File.ReadAllText(Path.Combine(sweep, "dry-run", "train-1.sh"));
        Assert.Contains("#SBATCH --array=0-3\n", train);
        Assert.Contains("#SBATCH --dependency=afterok:<data-1>\n", train);
        Assert.Contains(
            $" evaluate --config tiny.yaml --set 'seeds=[1, 2]' --artifacts {_temp.PathOf("art")} --run tiny-seed2 ;;",
            train);
        Assert.Null(SweepRecord.Read(sweep));
        Assert.Contains("  train-1: array of 4: tiny-seed1, tiny-seed2, tinyb-seed1, tinyb-seed2 " +
            "(1 CPU(s); after data-1)", outcome.Output);
    }

    [Theory]
    [InlineData(new[] { "sweep", "stats" },
        "error: idc sweep stats: the only action is status (idc sweep status <id>); to submit a sweep, give --config " +
        "and --profile without an action.")]
    [InlineData(new[] { "sweep", "status", "0123456789", "--artifacts", "art" },
        "error: no sweep 0123456789 in art/sweeps. Pass the id idc sweep printed, and the same --artifacts.")]
    [InlineData(new[] { "sweep", "--config", "tiny.yaml", "--profile", "pbs" },
        "error: --profile pbs: no such profile file, and no pbs in profiles/. Pass a profile file (see " +
        "profiles/local.yaml and profiles/slurm.yaml in the repository).")]
    [InlineData(new[] { "sweep", "--config", "tiny.yaml", "--profile", "SLURM", "--jobs", "4" },
        "error: --jobs is for the local executor; ")]
    [InlineData(new[] { "sweep", "--config", "tiny.yaml", "--config", "tiny.yaml" },
        "error: tiny.yaml is given twice; pass each variant once.")]
    public void Mistakes_are_one_line_saying_what_to_do(string[] args, string expected)
    {
        var slurm = Profile("slurm");
        var outcome = IdcProcess.Run(_temp.Path, args.Select(a => a == "SLURM" ? slurm : a).ToArray());
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith(expected, Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public void A_slurm_job_with_fewer_cpus_than_train_threads_refuses_to_train()
    {
        var outcome = IdcProcess.Run(_temp.Path, new Dictionary<string, string> { ["SLURM_CPUS_PER_TASK"] = "1" },
            "train", "--config", "tiny.yaml", "--set", "train.threads=2", "--artifacts", "art");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("error: train.threads is 2, but this Slurm job got 1 CPU(s) (SLURM_CPUS_PER_TASK=1, ",
            Assert.Single(outcome.ErrorLines));
        Assert.False(Directory.Exists(_temp.PathOf("art/cache")));
    }
}
