using System.Globalization;

namespace IdcRepro.Pipeline;

/// <summary>
/// Recognises a failed write (a full disk above all) and says it in one line: where, how much room it needed, what to
/// do.
/// </summary>
public static class WriteFailure
{
    private const int NoSpace = 28;           // ENOSPC
    private const int QuotaExceeded = 122;    // EDQUOT
    private const int DiskFull = 0x70;        // Windows ERROR_DISK_FULL
    private const int HandleDiskFull = 0x27;  // Windows ERROR_HANDLE_DISK_FULL

    /// <summary>
    /// Whether <paramref name="e"/> means the disk (or the user's quota) is full, said directly or by a
    /// <see cref="WriteFailedException"/>.
    /// </summary>
    public static bool IsDiskFull(Exception? e) => e switch
    {
        WriteFailedException w => IsDiskFull(w.InnerException),
        IOException => OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is DiskFull or HandleDiskFull
            : e.HResult is NoSpace or QuotaExceeded,
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="e"/> is a failed write not yet said in words (a <see cref="WriteFailedException"/>
    /// already is).
    /// </summary>
    public static bool IsWriteProblem(Exception e) => e is IOException or UnauthorizedAccessException
        && e is not WriteFailedException;

    /// <summary>
    /// The exception to throw for a write into <paramref name="folder"/> that failed with <paramref name="e"/>.
    /// </summary>
    /// <param name="what">What was being written, e.g. "config.yaml" or "the Preprocess output".</param>
    /// <param name="needed">How much room it needed, when known, as a clause: "it needs 4.2 MB".</param>
    /// <param name="resume">What a rerun does with what was kept, when something was.</param>
    public static WriteFailedException In(string folder, string what, Exception e, string? needed = null,
        string? resume = null)
    {
        if (e is WriteFailedException { InnerException: { } cause }) e = cause;
        folder = Path.GetFullPath(folder);
        var then = resume is null ? "then rerun" : $"then rerun ({resume})";
        if (IsDiskFull(e))
        {
            var free = DiskSpace.FreeBytes(folder) is { } f ? $"{Size(f)} free there" : null;
            var details = string.Join(", ", new[] { needed, free }.OfType<string>());
            return new WriteFailedException(
                $"no space left on the disk of {folder} to write {what}{(details.Length > 0 ? ": " + details : "")}. "
                + "Free some space there (old runs, downloads) or give --artifacts a folder on a disk with " +
                    $"room, {then}.", folder, e);
        }
        return new WriteFailedException(
            $"could not write {what} in {folder}: {e.Message.TrimEnd('.')}. Check that the folder exists and is " +
            $"writable (permissions, a read-only disk), {then}.", folder, e);
    }

    /// <summary>Bytes in words: 512 bytes, 1.4 MB, 2.31 GB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1_000 => $"{bytes} bytes",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.#} kB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.##} GB"),
    };
}

/// <summary>
/// Something could not be written (a full disk, a read-only or forbidden folder). The message names the folder, the
/// space needed when it is known, and what to do; the CLI prints it as one line, without a stack trace. An
/// <see cref="IOException"/>, so code that already handles failed writes (a warning for a convenience file) still does.
/// </summary>
public sealed class WriteFailedException : IOException
{
    public WriteFailedException(string message, string folder, Exception inner) : base(message, inner)
    {
        Folder = folder;
        HResult = inner.HResult;
    }

    /// <summary>The folder that could not be written to.</summary>
    public string Folder { get; }
}
