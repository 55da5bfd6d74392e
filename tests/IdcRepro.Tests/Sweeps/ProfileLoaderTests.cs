using IdcRepro.Config;
using IdcRepro.Sweeps;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Sweeps;

public sealed class ProfileLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Error(string yaml) =>
        Assert.Throws<ConfigException>(() => ProfileLoader.Load(_temp.File("p.yaml", yaml))).Message
            .Replace(_temp.Path, "<temp>");

    [Fact]
    public void The_shipped_profiles_load_local_and_slurm()
    {
        var local = ProfileLoader.Load(Path.Combine(RepoPaths.Root, "profiles", "local.yaml"));
        Assert.Equal(ExecutorKind.Local, local.Executor);
        Assert.Equal(2, local.Local.Jobs);
        var slurm = ProfileLoader.Load(Path.Combine(RepoPaths.Root, "profiles", "slurm.yaml"));
        Assert.Equal(ExecutorKind.Slurm, slurm.Executor);
        Assert.Equal("01:00:00", slurm.Slurm.TimeLimit);
        Assert.Equal(0, slurm.Slurm.GpusPerJob);
        Assert.Null(slurm.Slurm.Partition);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var profile = ProfileLoader.Load(_temp.File("p.yaml",
            "executor: slurm\nprogram: out/idc/idc\nenvironment: [\"IDC_LIBTORCH=/t/lib\"]\n" +
            "slurm:\n  partition: gpu\n  account: lab\n  time_limit: 1-00:00:00\n" +
            "  cpus_per_task: 8\n  mem: 32G\n  gpus_per_job: 1\n" +
            "  extra_sbatch_options: [--qos=long, \"--signal=TERM@120\"]\n"));
        Assert.Equal(new SlurmExecutorConfig
        {
            Partition = "gpu", Account = "lab", TimeLimit = "1-00:00:00", CpusPerTask = 8, Mem = "32G", GpusPerJob = 1,
            ExtraSbatchOptions = profile.Slurm.ExtraSbatchOptions,
        }, profile.Slurm);
        Assert.Equal(["--qos=long", "--signal=TERM@120"], profile.Slurm.ExtraSbatchOptions);
        Assert.Equal(new EnvironmentVariable("IDC_LIBTORCH", "/t/lib"),
            EnvironmentVariable.Parse(profile.Environment.Single()));
        Assert.Equal("out/idc/idc", profile.Program);
    }

    [Fact]
    public void Unknown_keys_and_wrong_values_name_the_file_line_and_column()
    {
        Assert.Equal(
            "<temp>/p.yaml:3:3: unknown key 'slurm.cpu_per_task'. Allowed keys in 'slurm': partition, account, " +
            "time_limit, cpus_per_task, mem, gpus_per_job, extra_sbatch_options (did you mean 'cpus_per_task'?).",
            Error("executor: slurm\nslurm:\n  cpu_per_task: 2\n"));
        Assert.Equal("<temp>/p.yaml:1:11: 'executor' is 'pbs'; allowed: local, slurm.", Error("executor: pbs\n"));
        Assert.StartsWith("<temp>/p.yaml:3:9: 'local.jobs' is 0, out of range",
            Error("executor: local\nlocal:\n  jobs: 0\n"));
        Assert.Equal("<temp>/p.yaml:3:15: 'slurm.time_limit': '1h' is not a Slurm time: minutes (90), " +
            "HH:MM:SS (01:30:00), D-HH:MM:SS (1-12:00:00), or unlimited.",
            Error("executor: slurm\nslurm:\n  time_limit: 1h\n"));
        Assert.Contains("missing required key 'executor'", Error("local:\n  jobs: 2\n"));
        Assert.Contains("'slurm.mem': '4 GB' is not a Slurm memory size",
            Error("executor: slurm\nslurm:\n  mem: 4 GB\n"));
    }

    [Fact]
    public void A_profile_may_not_set_what_is_in_a_cache_key()
    {
        var message = Error("executor: slurm\ntrain:\n  threads: 4\n");
        Assert.StartsWith("<temp>/p.yaml:2:1: 'train' is an experiment setting, part of the cache key;", message);
        Assert.StartsWith("<temp>/p.yaml:3:3: 'slurm.threads' is an experiment setting",
            Error("executor: slurm\nslurm:\n  threads: 4\n"));
        Assert.StartsWith("<temp>/p.yaml:2:1: 'device' is an experiment setting",
            Error("executor: local\ndevice: cuda\n"));
    }

    [Fact]
    public void Options_the_sweep_sets_itself_are_refused_in_extra_sbatch_options()
    {
        Assert.Contains("--cpus-per-task is set by the sweep itself (a training asks for its config's train.threads",
            Error("executor: slurm\nslurm:\n  extra_sbatch_options: [--cpus-per-task=4]\n"));
        Assert.Contains("--dependency is set by the sweep itself",
            Error("executor: slurm\nslurm:\n  extra_sbatch_options: [\"--dependency=afterany:1\"]\n"));
        Assert.Contains("'-p gpu' is not a long sbatch option",
            Error("executor: slurm\nslurm:\n  extra_sbatch_options: [-p gpu]\n"));
        Assert.Contains("'environment[0]': 'no value' is not NAME=value",
            Error("executor: local\nenvironment: [no value]\n"));
    }

    [Fact]
    public void A_bare_name_is_looked_up_in_profiles()
    {
        Assert.Equal(Path.Combine(RepoPaths.Root, "profiles", "slurm.yaml"),
            ProfileLoader.Locate("slurm", RepoPaths.Root));
        Assert.Equal(Path.Combine(RepoPaths.Root, "profiles", "local.yaml"),
            ProfileLoader.Locate("profiles/local.yaml", RepoPaths.Root));
        var missing = Assert.Throws<ConfigException>(() => ProfileLoader.Locate("pbs", RepoPaths.Root)).Message;
        Assert.Equal(
            "--profile pbs: no such profile file, and no pbs in profiles/. Profiles there: local, slurm.", missing);
    }
}
