using System.ComponentModel;
using System.Diagnostics;
using IdcRepro.Pipeline;
using IdcRepro.Sweeps;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// The sweep's only contact with Slurm: <c>sbatch --parsable</c> to submit a job script, <c>scontrol show job
/// --oneliner</c> to ask how jobs stand. Slurm's clients find the cluster as usual (slurm.conf, or SLURM_CONF, which
/// every call inherits: scripts/slurm-cluster.sh's one-node cluster is found that way).
/// </summary>
internal static class SweepSlurm
{
    /// <summary>Submits a job script; returns its job id.</summary>
    /// <exception cref="StageException">sbatch is missing or refused the script.</exception>
    public static string Submit(string script)
    {
        var (exit, output, error) = Run("sbatch", "--parsable", script);
        var id = output.Trim().Split(';')[0];
        if (exit != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
            throw new StageException($"sbatch refused {ConfigDisplay(script)}: {LastLine(error, output)}. " +
                                     $"Check that a Slurm cluster answers (sinfo{Conf()}); scripts/slurm-cluster.sh " +
                                     "start runs a one-node cluster on this machine.");
        return id;
    }

    /// <summary>
    /// What Slurm says of each job id (an array's id gives one entry per task, or per range of pending tasks); a job
    /// Slurm no longer remembers (past MinJobAge) is absent. Null when Slurm does not answer at all.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<SlurmJobState>>? Show(IEnumerable<string> jobIds)
    {
        var states = new Dictionary<string, IReadOnlyList<SlurmJobState>>(StringComparer.Ordinal);
        foreach (var id in jobIds.Distinct())
        {
            var (exit, output, error) = Run("scontrol", "show", "job", "--oneliner", id);
            if (exit == 0) states[id] = SlurmJobState.Parse(output);
            else if (!error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)) return null;
        }
        return states;
    }

    /// <summary>Whether sbatch can be run at all (it is on PATH).</summary>
    public static bool Installed()
    {
        try
        {
            Run("sbatch", "--version");
            return true;
        }
        catch (StageException)
        {
            return false;
        }
    }

    private static (int Exit, string Output, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (Win32Exception)
        {
            throw new StageException(
                $"{program} not found: the slurm executor needs Slurm's client commands (sbatch, scontrol) on PATH. " +
                                     "On Debian: apt-get install slurm-client; scripts/slurm-cluster.sh start " +
                                     "installs and runs a one-node cluster here, or use --profile local.");
        }
    }

    private static string Conf() => Environment.GetEnvironmentVariable("SLURM_CONF") is { } conf
        ? $", SLURM_CONF={conf}" : "";

    private static string LastLine(string error, string output) =>
        (error + "\n" + output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault()?.TrimEnd('.') ?? "no message";

    private static string ConfigDisplay(string path) => Config.ConfigOrigin.DisplayPath(path);
}
