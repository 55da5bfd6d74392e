using System.Runtime.InteropServices;

namespace IdcRepro.Torch;

/// <summary>
/// The libstdc++ this process uses (the one the dynamic loader gives for <c>libstdc++.so.6</c>) and the versions it
/// defines.
/// </summary>
internal static class LoadedLibStdCxx
{
    private const string AnyExport = "_ZSt9terminatev";   // std::terminate(), defined by every libstdc++

    /// <summary>The file behind <c>libstdc++.so.6</c> in this process, loading it if nothing has yet.</summary>
    public static string Path()
    {
        if (!NativeLibrary.TryLoad(LibStdCxxVersionGap.SoName, out var handle))
            throw new TorchRuntimeException(
                $"The dynamic loader finds no {LibStdCxxVersionGap.SoName}; install the C++ runtime (Debian/Ubuntu: " +
                "libstdc++6).");
        var path = NativeLibrary.TryGetExport(handle, AnyExport, out var address) ? ProcessMaps.FileContaining(address)
            : null;
        return path
            ?? throw new TorchRuntimeException(
            $"Could not tell which file {LibStdCxxVersionGap.SoName} was loaded from (no mapping for {AnyExport} in " +
            "/proc/self/maps).");
    }

    /// <summary>The symbol versions (GLIBCXX_*, CXXABI_*) the loaded libstdc++ defines.</summary>
    public static IReadOnlyList<string> DefinedVersions(string path) =>
        ElfVersionDefinitions.Read(File.ReadAllBytes(path));
}
