using IdcRepro.Pipeline;

namespace IdcRepro.Fetch;

/// <summary>
/// Whether a downloaded archive is the archive it should be: it must open as a zip (see <see cref="ZipDatasetCheck"/>)
/// and its SHA-256 must equal the pinned <c>data.sha256</c>; without a pin, the hash recorded in a sidecar
/// (<c>&lt;archive&gt;.sha256</c>, in <c>sha256sum</c> format) by the first download that passed these checks; without
/// either, the hash is recorded there for next time. A download that fails them is deleted, never recorded, so a
/// damaged archive cannot become the reference that a good one is later refused against.
/// </summary>
public static class ArchiveHash
{
    public static string SidecarPath(string archive) => archive + ".sha256";

    /// <summary>
    /// Checks the finished <paramref name="partial"/> and renames it to <paramref name="destination"/>; when it fails a
    /// check, deletes it and throws.
    /// </summary>
    internal static string Publish(Uri url, string partial, string destination, string? pinned)
    {
        if (ZipDatasetCheck.Defect(partial) is { } defect)
        {
            File.Delete(partial);
            throw new StageException(
                $"The archive downloaded from {url} for {destination} {defect}. The download was deleted and no " +
                "hash was recorded, "
                + "so a rerun downloads it again; if it fails the same way, the server does not serve a usable " +
                    $"archive: check data.url. {OfflineCopy.Advice(url)}");
        }
        var actual = Hashing.FileSha256(partial);
        var sidecar = SidecarPath(destination);
        var recorded = pinned is null ? ReadSidecar(sidecar) : null;
        var expected = pinned?.ToLowerInvariant() ?? recorded;
        if (expected is not null && expected != actual)
        {
            File.Delete(partial);
            var head = $"The archive downloaded from {url} for {destination} has SHA-256 {actual}, but ";
            throw new StageException(pinned is not null
                ? head
                    + $"data.sha256 pins {expected}. The download was deleted. Check that data.url is the intended " +
                    "archive and that data.sha256 is its published hash."
                : head
                    + $"an earlier download of it recorded {expected} in {sidecar}. The download was deleted. Check " +
                    "data.url; "
                    + $"if the archive at that address legitimately changed, delete {sidecar} (or pin the new hash " +
                        "in data.sha256) and rerun.");
        }
        if (expected is null) Record(sidecar, destination, actual);
        File.Move(partial, destination, overwrite: true);
        return actual;
    }

    /// <summary>
    /// Checks an archive downloaded earlier, on every use: its hash against the pinned or recorded one, and that it
    /// opens as a zip (a hash is recorded only for one that does). When it cannot be used (damaged or changed since it
    /// was downloaded, or a damaged archive an older version recorded) it is deleted, with such a record, so that it is
    /// downloaded again; the answer says why.
    /// </summary>
    public static ExistingArchive CheckExisting(string archive, string? pinned, Func<string, string> sha256Of)
    {
        ArgumentNullException.ThrowIfNull(sha256Of);
        var actual = sha256Of(archive);
        var sidecar = SidecarPath(archive);
        var recorded = pinned is null ? ReadSidecar(sidecar) : null;
        var expected = pinned?.ToLowerInvariant() ?? recorded;
        string damage;
        if (expected is not null && expected != actual)
            damage = $"its SHA-256 is {actual}, not " +
                $"the {(pinned is not null ? "pinned (data.sha256)" : "recorded")} {expected}";
        else if (ZipDatasetCheck.Defect(archive) is { } defect)
        {
            damage = $"it {defect}";
            if (recorded is not null) File.Delete(sidecar); // the record is of this damaged archive: nothing to trust
        }
        else
        {
            if (expected is null) Record(sidecar, archive, actual);
            return new ExistingArchive(actual, null);
        }
        File.Delete(archive);
        return new ExistingArchive(null, damage);
    }

    private static void Record(string sidecar, string archive, string sha256) =>
        AtomicFile.WriteAllText(sidecar, $"{sha256}  {Path.GetFileName(archive)}\n");

    private static string? ReadSidecar(string sidecar)
    {
        if (!File.Exists(sidecar)) return null;
        var hash = File.ReadAllText(sidecar).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault() ?? "";
        if (hash.Length == 64 && hash.All(Uri.IsHexDigit)) return hash.ToLowerInvariant();
        throw new StageException(
            $"{sidecar} should hold the SHA-256 recorded by an earlier download (64 hex digits) but does not. " +
            "Delete it and rerun to record the hash again.");
    }
}
