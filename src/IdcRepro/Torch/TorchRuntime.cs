using System.Reflection;
using TorchSharp;

namespace IdcRepro.Torch;

// Why this folder exists: TorchSharp 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (for a marker symbol it never
// calls), which the libstdc++ of Debian 12 (this machine's: its newest is GLIBCXX_3.4.30) and Ubuntu 22.04 lack, so
// TorchSharp does not load there at all. This loader finds the gap (LibStdCxxVersionGap, the Elf* readers), writes a
// copy with the need marked weak into the user's cache (LibTorchSharpPatcher, PatchedLibraryCache) and loads it;
// newer systems load the original. See README, Backends and GPU.

/// <summary>
/// Loads Torch's native libraries once per process, before any use of <see cref="torch"/>: libtorch from IDC_LIBTORCH
/// or the build, and LibTorchSharp as shipped or, where the system's libstdc++ is too old for it, as a patched copy
/// in the user's cache. Touching <see cref="torch"/> first makes its static constructor load LibTorchSharp unaided,
/// which fails on such systems and cannot be retried in that process.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static TorchRuntimeInfo? _loaded;

    /// <summary>Loads Torch's native libraries, or returns what an earlier call loaded. Thread-safe.</summary>
    /// <exception cref="TorchRuntimeException">They cannot be loaded; the message says why and what to do.</exception>
    public static TorchRuntimeInfo EnsureLoaded()
    {
        lock (Gate) return _loaded ??= Load();
    }

    private static TorchRuntimeInfo Load()
    {
        string? libTorchDirectory = null, libTorchSharp = null;
        IReadOnlyList<string> weakened = [];
        if (OperatingSystem.IsLinux())
        {
            var shipped = LibTorchSharpFile.Find();
            libTorchDirectory = LibTorchPreloader.Load(shipped is null ? null : Path.GetDirectoryName(shipped));
            if (shipped is not null) (libTorchSharp, weakened) = LibTorchSharpPatcher.Prepare(shipped);
        }
        // Read before the first kernel runs: what libtorch's CPU kernels will be picked by for the life of the process.
        var pinned = CpuNumerics.InEnvironment();
        var cuda = InitializeTorch(libTorchDirectory);
        return new TorchRuntimeInfo(TorchSharpVersion(), torch.__version__, libTorchDirectory, libTorchSharp, weakened,
            cuda, pinned);
    }

    /// <summary>
    /// Loads Torch (if not yet) and checks that its CPU kernels are those asked for: pinned to AVX2
    /// (<see cref="CpuNumerics"/>, set before the load, as idc does for every config that asks for them) or libtorch's
    /// own choice. Kernels are picked once per process, so a mismatch is an error, never a run under other kernels than
    /// its config (and key) say.
    /// </summary>
    public static TorchRuntimeInfo EnsureLoaded(Config.CpuKernels kernels)
    {
        var info = EnsureLoaded();
        var pinned = kernels == Config.CpuKernels.Avx2;
        if (info.CpuNumericsPinned != pinned)
            throw new TorchRuntimeException(pinned
                ? "train.cpu_kernels avx2 needs libtorch's CPU kernels pinned before it loads, but this process " +
                    "loaded it without. " +
                  "Call CpuNumerics.Pin() before the first use of Torch (idc does), or " +
                  $"set {string.Join(" ", CpuNumerics.Variables.Select(v => $"{v.Name}={v.Value}"))}."
                : "train.cpu_kernels native, but this process pinned libtorch's CPU kernels to AVX2 before it " +
                    "loaded (another config asked for them, " +
                  "or the environment sets them): run it in a process of its own with those variables unset.");
        return info;
    }

    private static bool InitializeTorch(string? libTorchDirectory)
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return torch.cuda.is_available();
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException
            or EntryPointNotFoundException)
        {
            var cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
            var firstLine = cause.Message.Split('\n', 2)[0].Trim();
            throw new TorchRuntimeException(
                "TorchSharp could not load its native library with libtorch " +
                $"from {libTorchDirectory ?? "the default search"}: {firstLine} " +
                $"Set {LibTorchPreloader.Variable} to a folder holding libtorch.so (e.g. a PyTorch installation's " +
                "torch/lib), or build with TorchBackend=cpu; " +
                "and call TorchRuntime.EnsureLoaded() before any other use of torch, whose first failed load cannot " +
                "be retried.", e);
        }
    }

    private static string TorchSharpVersion()
    {
        var assembly = typeof(torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}

/// <summary>Torch's native libraries cannot be loaded; the message says which file, why, and what to do.</summary>
public sealed class TorchRuntimeException(string message, Exception? inner = null) : Exception(message, inner);
