using System.IO.Compression;
using IdcRepro.Pipeline;

namespace IdcRepro.Fetch;

/// <summary>
/// Accepts a dataset zip before anything reads from it: it must open as a zip (its central directory intact, so not
/// truncated) and no entry name may point outside the folder the archive would be extracted into, even though the
/// pipeline reads entries in place and never extracts. The check uses System.IO.Compression's ZipArchive; Preprocess
/// then reads the entries with <see cref="Data.ZipPatchReader"/>, a second parser kept for its measured speed (see
/// there).
/// </summary>
public static class ZipDatasetCheck
{
    private enum FaultKind { NotZip, Escapes, Unreadable }

    /// <summary>
    /// What is wrong with a zip: the kind, and the detail (the system's words, or the entry and why it escapes).
    /// </summary>
    private sealed record Fault(FaultKind Kind, string Detail, string? Entry = null);

    /// <summary>
    /// Returns the number of <c>.png</c> entries, or throws a <see cref="StageException"/> naming the file (and the
    /// entry at fault).
    /// </summary>
    /// <param name="zipPath">The archive.</param>
    /// <param name="setting">Where the path came from, for the user to check: <c>data.path</c>, or <c>--input</c> for
    /// predict.</param>
    public static int Validate(string zipPath, string setting = "data.path")
    {
        if (!File.Exists(zipPath))
            throw new StageException($"{zipPath} does not exist; check {setting} (or fetch the archive again).");
        var (pngs, fault) = Inspect(zipPath);
        return fault switch
        {
            null => pngs,
            { Kind: FaultKind.Escapes } =>
                throw new StageException(
                $"{zipPath}: entry '{fault.Entry}' would land outside the folder the archive is extracted into " +
                $"({fault.Detail}). "
                + $"The archive is not safe to use; get it again from a trusted address or check {setting}."),
            { Kind: FaultKind.NotZip } =>
                throw new StageException(
                $"{zipPath} is truncated or not a zip archive ({fault.Detail}); download it again / check {setting}."),
            _ =>
                throw new StageException(
                $"{zipPath} cannot be read ({fault.Detail}); check {setting} and its permissions."),
        };
    }

    /// <summary>
    /// What keeps <see cref="Validate"/> from accepting an existing file, as a predicate for a sentence about it
    /// ("is truncated or not a zip archive (...)"), or null when it would accept it.
    /// </summary>
    internal static string? Defect(string zipPath) => Inspect(zipPath).Fault switch
    {
        null => null,
        { Kind: FaultKind.Escapes } f =>
            $"has an entry '{f.Entry}' that would land outside the folder it is extracted into ({f.Detail})",
        { Kind: FaultKind.NotZip } f => $"is truncated or not a zip archive ({f.Detail})",
        var f => $"cannot be read ({f.Detail})",
    };

    private static (int Pngs, Fault? Fault) Inspect(string zipPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var pngs = 0;
            foreach (var entry in zip.Entries)
            {
                if (EscapeReason(entry.FullName) is { } reason)
                    return (pngs, new Fault(FaultKind.Escapes, reason, entry.FullName));
                if (entry.FullName.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) pngs++;
            }
            return (pngs, null);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException)
        {
            return (0, new Fault(FaultKind.NotZip, OneLine(e.Message)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (0, new Fault(FaultKind.Unreadable, OneLine(e.Message)));
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    /// <summary>
    /// Whether an entry name stays inside the folder it would be extracted into, on any operating system.
    /// </summary>
    public static bool IsSafeEntryName(string entryName) => EscapeReason(entryName) is null;

    /// <summary>
    /// Why an entry name would escape the folder it would be extracted into, or null when it would not.
    /// </summary>
    public static string? EscapeReason(string entryName)
    {
        ArgumentNullException.ThrowIfNull(entryName);
        if (entryName.Length == 0) return "an empty name";
        if (entryName.Contains('\0')) return "a NUL character";
        if (entryName[0] is '/' or '\\') return "an absolute path";
        if (entryName.Contains(':')) return "a drive letter or ':'";
        // Windows reads '\' as a separator and drops trailing dots and spaces, so ". ." or "..." can act as "..".
        foreach (var segment in entryName.Split('/', '\\'))
        {
            if (segment.Count(c => c == '.') >= 2 && segment.All(c => c is '.' or ' ')) return $"a '{segment}' segment";
        }
        return null;
    }
}
