using IdcRepro.Pipeline;

namespace IdcRepro.Fetch;

/// <summary>
/// Whether a finished download is the archive it should be: its SHA-256 must equal the pinned <c>data.sha256</c>;
/// without a pin, the hash the first download recorded in a sidecar (<c>&lt;archive&gt;.sha256</c>, in
/// <c>sha256sum</c> format); without either, the hash is recorded there for next time.
/// </summary>
public static class ArchiveHash
{
    public static string SidecarPath(string archive) => archive + ".sha256";

    /// <summary>Checks the finished <paramref name="partial"/> and renames it to <paramref name="destination"/>; on a mismatch deletes it and throws.</summary>
    internal static string Publish(Uri url, string partial, string destination, string? pinned)
    {
        var actual = Hashing.FileSha256(partial);
        var sidecar = SidecarPath(destination);
        var recorded = pinned is null ? ReadSidecar(sidecar) : null;
        var expected = pinned?.ToLowerInvariant() ?? recorded;
        if (expected is not null && expected != actual)
        {
            File.Delete(partial);
            var head = $"The archive downloaded from {url} for {destination} has SHA-256 {actual}, but ";
            throw new StageException(pinned is not null
                ? head + $"data.sha256 pins {expected}. The download was deleted. Check that data.url is the intended archive and that data.sha256 is its published hash."
                : head + $"an earlier download of it recorded {expected} in {sidecar}. The download was deleted. Check data.url; "
                    + $"if the archive at that address legitimately changed, delete {sidecar} (or pin the new hash in data.sha256) and rerun.");
        }
        if (expected is null) AtomicFile.WriteAllText(sidecar, $"{actual}  {Path.GetFileName(destination)}\n");
        File.Move(partial, destination, overwrite: true);
        return actual;
    }

    /// <summary>
    /// Checks an archive downloaded earlier: its hash against the pinned or recorded one, and that it opens as a zip
    /// before a hash is recorded for it. Returns its hash when it can be used; deletes it and returns null when it cannot
    /// (damaged or changed since it was downloaded), so that it is downloaded again.
    /// </summary>
    public static string? CheckExisting(Uri url, string archive, string? pinned, Func<string, string> sha256Of)
    {
        var actual = sha256Of(archive);
        var sidecar = SidecarPath(archive);
        var expected = pinned?.ToLowerInvariant() ?? ReadSidecar(sidecar);
        if (expected == actual) return actual;
        if (expected is null && IsZip(archive))
        {
            AtomicFile.WriteAllText(sidecar, $"{actual}  {Path.GetFileName(archive)}\n");
            return actual;
        }
        File.Delete(archive);
        return null;
    }

    private static bool IsZip(string archive)
    {
        try
        {
            Fetch.ZipDatasetCheck.Validate(archive);
            return true;
        }
        catch (StageException)
        {
            return false;
        }
    }

    private static string? ReadSidecar(string sidecar)
    {
        if (!File.Exists(sidecar)) return null;
        var hash = File.ReadAllText(sidecar).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (hash.Length == 64 && hash.All(Uri.IsHexDigit)) return hash.ToLowerInvariant();
        throw new StageException($"{sidecar} should hold the SHA-256 recorded by an earlier download (64 hex digits) but does not. Delete it and rerun to record the hash again.");
    }
}
