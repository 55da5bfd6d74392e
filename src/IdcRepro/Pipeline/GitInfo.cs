using System.Diagnostics;

namespace IdcRepro.Pipeline;

/// <summary>
/// The commit the working directory is at and whether its tree has uncommitted changes (for provenance).
/// </summary>
public sealed record GitInfo(string Commit, bool Dirty)
{
    public static GitInfo Unknown { get; } = new("unknown (not a git checkout)", false);

    public static GitInfo Read(string directory)
    {
        var commit = Git(directory, "rev-parse HEAD");
        if (commit is null) return Unknown;
        var status = Git(directory, "status --porcelain --untracked-files=no");
        return new GitInfo(commit.Trim(), !string.IsNullOrWhiteSpace(status));
    }

    private static string? Git(string directory, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
