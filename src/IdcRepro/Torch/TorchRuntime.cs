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
        var cuda = InitializeTorch(libTorchDirectory);
        return new TorchRuntimeInfo(TorchSharpVersion(), torch.__version__, libTorchDirectory, libTorchSharp, weakened, cuda);
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
