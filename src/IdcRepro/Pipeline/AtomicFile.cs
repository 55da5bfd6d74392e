using System.Text;

namespace IdcRepro.Pipeline;

/// <summary>
/// Writes a file under a temporary name and renames it into place, so a reader never sees half of it. A write that
/// fails (a full disk, a forbidden folder) leaves the previous file as it was, removes the temporary one, and is
/// reported as a <see cref="WriteFailedException"/> naming the folder and the size it needed.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) =>
        Write(path, tmp => File.WriteAllText(tmp, text), Encoding.UTF8.GetByteCount(text));

    public static void WriteAllBytes(string path, byte[] bytes) =>
        Write(path, tmp => File.WriteAllBytes(tmp, bytes), bytes.Length);

    /// <param name="bytes">The size of what <paramref name="writeTemporary"/> writes, when known (said when the disk is
    /// full).</param>
    public static void Write(string path, Action<string> writeTemporary, long? bytes = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tmp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            WriteFaults.Check(tmp);
            writeTemporary(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (WriteFailure.IsWriteProblem(e))
        {
            throw WriteFailure.In(directory, Path.GetFileName(path), e, bytes is { } n
                ? $"it needs {WriteFailure.Size(n)}" : null);
        }
        finally
        {
            try
            {
                File.Delete(tmp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind under a dot-name that nothing reads; the write's own outcome is what matters.
            }
        }
    }
}
