using IdcRepro.Sweeps;

namespace IdcRepro.Tests.Sweeps;

/// <summary>
/// The text of the job scripts: what reaches sbatch. GPU requests and the CUDA route cannot be tried on these CPU
/// machines, so their lines are checked here as text.
/// </summary>
public sealed class JobScriptTests
{
    private static readonly IdcCall Evaluate0 = new(["evaluate", "--config", "configs/a.yaml", "--set", "seeds=[1, 2]",
        "--artifacts", "/shared/art", "--run", "a-seed1"]);
    private static readonly IdcCall Evaluate1 = new(["evaluate", "--config", "configs/a.yaml", "--set", "seeds=[1, 2]",
        "--artifacts", "/shared/art", "--run", "a-seed2"]);

    private static readonly SweepJob Array = new()
    {
        Name = "train-1", Kind = SweepJobKind.Train, After = ["data-1"], Cpus = 4, Gpus = 0,
        Variants = ["configs/a.yaml"],
        Tasks = [new SweepTask("configs/a.yaml", "a-seed1", Evaluate0),
            new SweepTask("configs/a.yaml", "a-seed2", Evaluate1)],
        Calls = [Evaluate0, Evaluate1],
    };

    private static readonly SweepJob Data = new()
    {
        Name = "data-1", Kind = SweepJobKind.Data, After = [], Cpus = 2,
        Variants = ["configs/a.yaml", "configs/b.yaml"],
        Calls = [new(["undersample", "--config", "configs/a.yaml", "--artifacts", "/shared/art"]),
            new(["undersample", "--config", "configs/b.yaml", "--artifacts", "/shared/art"])],
    };

    private static ScriptContext Context(SlurmExecutorConfig? slurm = null, IReadOnlyList<string>? environment = null,
        ExecutorKind executor = ExecutorKind.Slurm) => new()
        {
            SweepId = "0123456789", Submission = 2, Folder = "/shared/art/sweeps/0123456789/submission-2",
            WorkingDirectory = "/shared/repo",
            Program = ["/opt/dotnet/dotnet", "/shared/repo/src/IdcRepro.Cli/bin/Release/net10.0/idc.dll"],
            Profile = new SweepProfile
            {
                Executor = executor, Slurm = slurm ?? new SlurmExecutorConfig(), Environment = environment ?? []
            },
            JobIds = new Dictionary<string, string> { ["data-1"] = "41", ["train-1"] = "42" },
        };

    private static IReadOnlyList<string> Sbatch(string script) =>
        script.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal))
            .Select(l => l["#SBATCH ".Length..]).ToList();

    [Fact]
    public void An_array_asks_for_its_tasks_cpus_partition_account_time_and_memory_and_waits_for_its_data_job()
    {
        var slurm = new SlurmExecutorConfig
        {
            Partition = "gpu", Account = "idc-lab", TimeLimit = "02:30:00", Mem = "16G",
            ExtraSbatchOptions = ["--qos=normal"]
        };
        var script = JobScript.Render(Array, Context(slurm));

        Assert.StartsWith("#!/bin/bash\n", script);
        Assert.Equal(
        [
            "--job-name=idc-0123456789-train-1",
            "--output=/shared/art/sweeps/0123456789/submission-2/train-1.%A_%a.log",
            "--array=0-1",
            "--cpus-per-task=4",
            "--partition=gpu",
            "--account=idc-lab",
            "--time=02:30:00",
            "--mem=16G",
            "--dependency=afterok:41",
            "--kill-on-invalid-dep=yes",
            "--qos=normal",
        ], Sbatch(script));
        Assert.DoesNotContain("--gpus", script);
    }

    [Fact]
    public void Each_array_task_execs_its_one_idc_call_so_scancel_reaches_idc()
    {
        var script = JobScript.Render(Array, Context());
        Assert.Contains("set -euo pipefail\ncd /shared/repo\n", script);
        Assert.Contains("case \"${SLURM_ARRAY_TASK_ID:?", script);
        Assert.Contains(
            "  0) exec /opt/dotnet/dotnet /shared/repo/src/IdcRepro.Cli/bin/Release/net10.0/idc.dll evaluate " +
            "--config configs/a.yaml --set 'seeds=[1, 2]' --artifacts /shared/art --run a-seed1 ;;\n", script);
        Assert.Contains(
            "  1) exec /opt/dotnet/dotnet /shared/repo/src/IdcRepro.Cli/bin/Release/net10.0/idc.dll evaluate " +
            "--config configs/a.yaml --set 'seeds=[1, 2]' --artifacts /shared/art --run a-seed2 ;;\n", script);
        // #SBATCH lines end where the first command starts: none may follow it.
        var firstCommand = script.IndexOf("set -euo", StringComparison.Ordinal);
        Assert.DoesNotContain("#SBATCH", script[firstCommand..]);
    }

    [Fact]
    public void A_gpu_profile_asks_each_training_for_a_gpu_and_exports_the_cuda_route()
    {
        var slurm = new SlurmExecutorConfig { GpusPerJob = 1 };
        var context = Context(slurm, ["IDC_LIBTORCH=/shared/venv/lib/python3.12/site-packages/torch/lib"]) with
        {
            Program = ["/shared/idc/out/idc/idc"],
        };
        var script = JobScript.Render(Array with { Gpus = 1 }, context);

        Assert.Contains("--gpus=1", Sbatch(script));
        Assert.Contains("\nexport IDC_LIBTORCH=/shared/venv/lib/python3.12/site-packages/torch/lib\n", script);
        Assert.Contains("GPUs: ${CUDA_VISIBLE_DEVICES:-none}", script);
        Assert.Contains("  0) exec /shared/idc/out/idc/idc evaluate ", script);
        // Only trainings take GPUs.
        Assert.DoesNotContain("--gpus", JobScript.Render(Data, context));
    }

    [Fact]
    public void A_plain_job_runs_its_calls_in_order_and_execs_the_last()
    {
        var script = JobScript.Render(Data, Context());
        var lines = script.Split('\n');
        Assert.Contains("/opt/dotnet/dotnet /shared/repo/src/IdcRepro.Cli/bin/Release/net10.0/idc.dll " +
            "undersample --config configs/a.yaml --artifacts /shared/art", lines);
        Assert.Contains("exec /opt/dotnet/dotnet /shared/repo/src/IdcRepro.Cli/bin/Release/net10.0/idc.dll " +
            "undersample --config configs/b.yaml --artifacts /shared/art", lines);
        Assert.Equal("--output=/shared/art/sweeps/0123456789/submission-2/data-1.%j.log", Sbatch(script)[1]);
        Assert.DoesNotContain(Sbatch(script), o => o.StartsWith("--dependency", StringComparison.Ordinal)
            || o.StartsWith("--array", StringComparison.Ordinal));
        Assert.Contains("--cpus-per-task=2", Sbatch(script));
    }

    [Fact]
    public void A_job_after_several_names_every_id()
    {
        var compare = Data with { Name = "compare", Kind = SweepJobKind.Compare, After = ["data-1", "train-1"] };
        Assert.Contains("--dependency=afterok:41:42", Sbatch(JobScript.Render(compare, Context())));
        Assert.Throws<InvalidOperationException>(() =>
            JobScript.Render(compare with { After = ["report-1"] }, Context()));
    }

    [Fact]
    public void The_local_executor_runs_the_same_calls_without_sbatch_lines()
    {
        var script = JobScript.Render(Array, Context(executor: ExecutorKind.Local));
        Assert.Empty(Sbatch(script));
        Assert.Contains("  1) exec /opt/dotnet/dotnet ", script);
    }

    [Theory]
    [InlineData("plain-word_1.2/x:y=z,w", "plain-word_1.2/x:y=z,w")]
    [InlineData("seeds=[1, 2]", "'seeds=[1, 2]'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Words_are_quoted_for_bash_only_where_needed(string word, string quoted) =>
        Assert.Equal(quoted, ShellWord.Quote(word));

    [Fact]
    public void Logs_sit_beside_the_scripts_named_by_job_and_id()
    {
        Assert.Equal("/s/train-1.42_3.log", JobLog.Of("/s", "train-1", "42", 3));
        Assert.Equal("/s/data-1.41.log", JobLog.Of("/s", "data-1", "41"));
        Assert.Equal("/s/train-1.local_0.log", JobLog.Of("/s", "train-1", JobLog.LocalId, 0));
    }
}
