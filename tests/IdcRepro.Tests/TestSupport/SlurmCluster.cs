using System.ComponentModel;
using System.Diagnostics;
using IdcRepro.Sweeps;

namespace IdcRepro.Tests.TestSupport;

/// <summary>
/// The Slurm cluster the sweep tests submit to: the one scripts/slurm-cluster.sh starts (CI's .ci/run does), found
/// through SLURM_CONF, else in its default folder. A test that needs it fails, saying how to start it, when it does not
/// answer: it is never skipped quietly.
/// </summary>
public static class SlurmCluster
{
    /// <summary>The environment that points Slurm's clients (and idc's calls of them) at the cluster.</summary>
    public static IReadOnlyDictionary<string, string> Environment()
    {
        var folder = System.Environment.GetEnvironmentVariable("IDC_SLURM_DIR") ?? "/tmp/idc-slurm";
        var conf = System.Environment.GetEnvironmentVariable("SLURM_CONF") ?? Path.Combine(folder, "slurm.conf");
        const string start = "Start the one-node cluster with `scripts/slurm-cluster.sh start` (CI's .ci/run does), " +
            "or point SLURM_CONF at a cluster's slurm.conf.";
        if (!File.Exists(conf)) Assert.Fail($"No Slurm cluster for the sweep tests: {conf} does not exist. {start}");
        var environment = new Dictionary<string, string> { ["SLURM_CONF"] = conf };
        string state;
        try
        {
            var (exit, output, error) = Run(environment, "sinfo", "-h", "-N", "-o", "%t");
            state = exit == 0 ? output.Trim() : error.Trim();
        }
        catch (Win32Exception)
        {
            Assert.Fail($"Slurm's clients (sinfo, sbatch) are not installed. {start}");
            throw;
        }
        if (state is not ("idle" or "mix" or "alloc"))
            Assert.Fail($"The Slurm cluster of {conf} does not answer or has no usable node (sinfo: {state}). {start}");
        return environment;
    }

    public static (int Exit, string Output, string Error) Run(IReadOnlyDictionary<string, string> environment,
        params string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        foreach (var arg in command[1..]) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>What scontrol says of a job (each array task, for an array).</summary>
    public static IReadOnlyList<SlurmJobState> Show(IReadOnlyDictionary<string, string> environment, string jobId)
    {
        var (exit, output, error) = Run(environment, "scontrol", "show", "job", "--oneliner", jobId);
        Assert.True(exit == 0, $"scontrol show job {jobId}: {error}");
        return SlurmJobState.Parse(output);
    }
}
