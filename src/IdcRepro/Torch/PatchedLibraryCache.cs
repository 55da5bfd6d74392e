using IdcRepro.Pipeline;

namespace IdcRepro.Torch;

/// <summary>
/// Where patched copies of native libraries live: <c>$XDG_CACHE_HOME/idcrepro/native/&lt;sha256 of
/// original&gt;/&lt;file&gt;</c> (<c>~/.cache</c> when XDG_CACHE_HOME is unset). A per-user cache, never the NuGet
/// cache or the build output.
/// </summary>
internal static class PatchedLibraryCache
{
    public static string DefaultRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
            return Path.Combine(xdg, "idcrepro", "native");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
            throw new TorchRuntimeException(
                "Neither XDG_CACHE_HOME nor HOME is set, so there is nowhere to keep the patched copy of " +
                "LibTorchSharp. Set XDG_CACHE_HOME to a writable folder.");
        return Path.Combine(home, ".cache", "idcrepro", "native");
    }

    /// <summary>
    /// The path of a file holding exactly <paramref name="patched"/>, the patched form of <paramref name="original"/>;
    /// written atomically unless an identical copy is already there.
    /// </summary>
    public static string Store(string root, byte[] original, string fileName, byte[] patched)
    {
        var path = Path.Combine(root, Hashing.Sha256Hex(original), fileName);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(patched)) return path;
        try
        {
            AtomicFile.WriteAllBytes(path, patched);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The system's own words (e.g. no space left on device), not a WriteFailedException's advice about
            // --artifacts.
            var cause = e is WriteFailedException { InnerException: { } inner } ? inner : e;
            throw new TorchRuntimeException(
                $"Could not write the patched copy of {fileName} to {path}: {cause.Message.TrimEnd('.')}. Set " +
                "XDG_CACHE_HOME to a writable folder with room.", e);
        }
        return path;
    }
}
