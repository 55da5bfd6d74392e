using System.Runtime.InteropServices;
using IdcRepro.Config;

namespace IdcRepro.Pipeline;

/// <summary>
/// <c>runs/&lt;name&gt;/</c>: a run's resolved config.yaml and one link per stage to its output in the cache. A
/// convenience for people: nothing reads it back to decide anything, so a failure to write it is a warning
/// (<see cref="PipelineRunner"/> says it once per run folder), never a failed stage.
/// </summary>
public static class RunFolder
{
    public const string ConfigFile = "config.yaml";

    /// <summary>Saves the run's config and links its stage folder.</summary>
    /// <exception cref="IOException">The run folder cannot be written (e.g. the disk is full).</exception>
    public static void Record(ArtifactLayout layout, IdcConfig run, StageResult result)
    {
        var runDir = layout.RunDirectory(run.Name);
        Directory.CreateDirectory(runDir);
        var yaml = ConfigWriter.ToYaml(run);
        var configPath = Path.Combine(runDir, ConfigFile);
        if (!File.Exists(configPath) || File.ReadAllText(configPath) != yaml) AtomicFile.WriteAllText(configPath, yaml);
        Link(runDir, result.Stamp.Stage.ToLowerInvariant(), result.Directory);
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

    /// <summary>
    /// Points runs/&lt;name&gt;/&lt;stage&gt; at a stage folder: a relative symbolic link, or a .path file where links
    /// are refused.
    /// </summary>
    private static void Link(string runDir, string name, string target)
    {
        var link = Path.Combine(runDir, name);
        var relative = Path.GetRelativePath(runDir, target);
        if (new FileInfo(link).LinkTarget == relative) return;
        var staged = Path.Combine(runDir, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.link");
        try
        {
            File.CreateSymbolicLink(staged, relative);
            // rename(2) replaces the old link in one step, so a concurrent reader never finds none (File.Move follows
            // the link and refuses a link to a folder).
            if (OperatingSystem.IsWindows())
            {
                if (new FileInfo(link).LinkTarget is not null || File.Exists(link)) File.Delete(link);
                Directory.Move(staged, link);
            }
            else if (Rename(staged, link) != 0)
            {
                throw new IOException($"could not link {link} ({Marshal.GetLastPInvokeErrorMessage()})");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(staged)) File.Delete(staged);
            if (WriteFailure.IsDiskFull(e) || (Directory.Exists(link) && new FileInfo(link).LinkTarget is null)) throw;
            // No symbolic links here (e.g. Windows without the privilege): a file naming the folder instead.
            AtomicFile.WriteAllText(link + ".path", target);
        }
    }
}
