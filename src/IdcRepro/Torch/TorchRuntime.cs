using System.Reflection;
using TorchSharp;

namespace IdcRepro.Torch;

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
        return new TorchRuntimeInfo(TorchSharpVersion(), torch.__version__, libTorchDirectory, libTorchSharp, weakened, cuda, pinned);
    }

    /// <summary>
    /// Loads Torch (if not yet) and checks that its CPU numerics are pinned (<see cref="CpuNumerics"/>), as
    /// <c>train.deterministic</c> promises. Pinning must come before the load, so a process that loaded libtorch unpinned
    /// cannot be pinned later: that is an error, never a silent unpinned run.
    /// </summary>
    public static TorchRuntimeInfo EnsurePinned(string why)
    {
        var info = EnsureLoaded();
        if (!info.CpuNumericsPinned)
            throw new TorchRuntimeException(
                $"{why} needs libtorch's CPU numerics pinned to {CpuNumerics.PinnedLevel}, but this process loaded libtorch without them. " +
                $"Call CpuNumerics.Pin() before the first use of Torch (idc does this itself for a config with train.deterministic: true), " +
                $"or set {string.Join(" ", CpuNumerics.Variables.Select(v => $"{v.Name}={v.Value}"))} in the environment.");
        return info;
    }

    private static bool InitializeTorch(string? libTorchDirectory)
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return torch.cuda.is_available();
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            var cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
            var firstLine = cause.Message.Split('\n', 2)[0].Trim();
            throw new TorchRuntimeException(
                $"TorchSharp could not load its native library with libtorch from {libTorchDirectory ?? "the default search"}: {firstLine} " +
                $"Set {LibTorchPreloader.Variable} to a folder holding libtorch.so (e.g. a PyTorch installation's torch/lib), or build with TorchBackend=cpu; " +
                "and call TorchRuntime.EnsureLoaded() before any other use of torch, whose first failed load cannot be retried.", e);
        }
    }

    private static string TorchSharpVersion()
    {
        var assembly = typeof(torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
