using System.Runtime.InteropServices;

namespace IdcRepro.Torch;

/// <summary>
/// Makes TorchSharp's LibTorchSharp loadable where the process's libstdc++ lacks a GLIBCXX version it needs
/// (TorchSharp 0.107 on Debian 12: GLIBCXX_3.4.32). Writes a copy with those needs marked weak into the user's
/// cache, loads it, and hands its handle to TorchSharp's DllImports. The shipped file is only read.
/// </summary>
internal static class LibTorchSharpPatcher
{
    /// <summary>
    /// Loads a patched copy of <paramref name="shipped"/> when the system needs one and returns its path and the
    /// versions marked weak; returns <paramref name="shipped"/> and no versions when it loads as it is.
    /// Call after libtorch is loaded, so the copy's DT_NEEDED entries resolve by SONAME.
    /// </summary>
    public static (string Path, IReadOnlyList<string> Weakened) Prepare(string shipped)
    {
        var original = File.ReadAllBytes(shipped);
        var libStdCxx = LoadedLibStdCxx.Path();
        IReadOnlyList<string> missing;
        try
        {
            missing =
                LibStdCxxVersionGap.Missing(ElfVersionNeeds.Read(original), LoadedLibStdCxx.DefinedVersions(libStdCxx));
        }
        catch (ElfFormatException e)
        {
            throw new TorchRuntimeException(
                $"Could not read the symbol versions of {shipped} or {libStdCxx}: {e.Message}", e);
        }
        if (missing.Count == 0) return (shipped, []);

        var unbridgeable = missing.Where(v => !LibStdCxxVersionGap.CanWeaken(v)).ToList();
        if (unbridgeable.Count > 0)
            throw new TorchRuntimeException(
                $"{shipped} needs {string.Join(", ", missing)} from {LibStdCxxVersionGap.SoName}, which {libStdCxx} " +
                "does not define, " +
                $"and {string.Join(", ", unbridgeable)} cannot be bridged. Install a newer libstdc++ or run on a " +
                "newer system.");

        var patched = missing.Aggregate(original, ElfVersionNeeds.MarkWeak);
        var copy =
            PatchedLibraryCache.Store(PatchedLibraryCache.DefaultRoot(), original, Path.GetFileName(shipped), patched);
        nint handle;
        try
        {
            handle = NativeLibrary.Load(copy);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchRuntimeException(
                $"Could not load {copy}, the copy of {shipped} patched for {string.Join(", ", missing)}: {e.Message}. "
                    +
                $"Set {LibTorchPreloader.Variable} to a folder holding a libtorch that matches TorchSharp, or run " +
                $"on a system whose libstdc++ defines {string.Join(", ", missing)}.", e);
        }
        RouteDllImports(handle);
        return (copy, missing);
    }

    // TorchSharp declares [DllImport("LibTorchSharp")]; its own NativeLibrary.TryLoad("LibTorchSharp", assembly) does
    // not ask this resolver, but ends with dlopen("libLibTorchSharp.so"), which the loader answers with the copy (same
    // SONAME).
    private static void RouteDllImports(nint handle)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(TorchSharp.torch).Assembly,
                (name, _, _) => IsLibTorchSharp(name) ? handle : 0);
        }
        catch (InvalidOperationException e)
        {
            throw new TorchRuntimeException(
                "Another component already set a DllImport resolver for TorchSharp; call " +
                "TorchRuntime.EnsureLoaded() before it.", e);
        }
    }

    private static bool IsLibTorchSharp(string name) =>
        name is "LibTorchSharp" or "libLibTorchSharp" or LibTorchSharpFile.FileName;
}
