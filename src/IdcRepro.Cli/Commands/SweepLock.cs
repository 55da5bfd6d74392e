using IdcRepro.Pipeline;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// One idc sweep at a time per sweep: an exclusive lock on <c>sweeps/&lt;id&gt;/.lock</c> (flock, as the stage
/// cache's), held while a sweep is planned and submitted, and while the local executor runs it. A second one is refused
/// at once.
/// </summary>
internal static class SweepLock
{
    public static FileStream Acquire(string sweepFolder, string id)
    {
        Directory.CreateDirectory(sweepFolder);
        var path = Path.Combine(sweepFolder, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e) when (!WriteFailure.IsDiskFull(e))
        {
            throw new StageException(
                $"another idc sweep is planning or running sweep {id} right now ({path} is locked); " +
                                     $"wait for it to finish (idc sweep status {id}), then submit again.");
        }
    }
}
