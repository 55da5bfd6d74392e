using System.Runtime.InteropServices;

namespace IdcRepro.Torch;

/// <summary>
/// Loads libtorch before LibTorchSharp, so LibTorchSharp's DT_NEEDED entries (libtorch.so, libtorch_cpu.so, libc10.so)
/// resolve by SONAME to it: from <c>IDC_LIBTORCH</c> when set (e.g. a PyTorch installation's torch/lib), else from the
/// folder of the LibTorchSharp that the build carries, else by the dynamic loader's search (LD_LIBRARY_PATH).
/// </summary>
internal static class LibTorchPreloader
{
    public const string Variable = "IDC_LIBTORCH";
    private const string LibTorch = "libtorch.so";
    private const string WhereToPoint =
        "a folder holding libtorch.so, such as a PyTorch installation's torch/lib " +
        "(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+\"/lib\")')";

    /// <summary>Loads libtorch and returns the folder it came from.</summary>
    public static string Load(string? libTorchSharpDirectory)
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured)) return LoadConfigured(configured, libTorchSharpDirectory);

        if (libTorchSharpDirectory is not null && File.Exists(Path.Combine(libTorchSharpDirectory, LibTorch)))
        {
            LoadFile(Path.Combine(libTorchSharpDirectory, LibTorch), "the libtorch this build carries");
            return libTorchSharpDirectory;
        }

        if (NativeLibrary.TryLoad(LibTorch, out _) && ProcessMaps.FirstFileNamed(LibTorch) is { } found)
            return Path.GetDirectoryName(found)!;

        throw new TorchRuntimeException(
            $"No libtorch found: this build carries none (TorchBackend=external?), {Variable} is not set and the " +
            "dynamic " +
            $"loader's search (LD_LIBRARY_PATH) finds no {LibTorch}. Set {Variable} to {WhereToPoint}, or build " +
            "with TorchBackend=cpu.");
    }

    private static string LoadConfigured(string configured, string? libTorchSharpDirectory)
    {
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured));
        var file = Path.Combine(directory, LibTorch);
        if (!File.Exists(file))
            throw new TorchRuntimeException(
                $"{Variable}={configured} holds no {LibTorch}. Point it at {WhereToPoint}, or unset it to use the " +
                "libtorch this build carries.");
        if (libTorchSharpDirectory is not null && libTorchSharpDirectory != directory
            && File.Exists(Path.Combine(libTorchSharpDirectory, "libtorch_cpu.so")))
            throw new TorchRuntimeException(
                $"{Variable} is set, but this build also carries its own libtorch in {libTorchSharpDirectory}, and " +
                "TorchSharp would load both. " +
                $"Build with -p:TorchBackend=external to use {Variable}, or unset {Variable}.");

        LoadFile(file, $"{Variable}={configured}");
        var cuda = Path.Combine(directory, "libtorch_cuda.so");
        // TorchSharp asks for torch_cuda by name; when absent it is simply CPU-only
        if (File.Exists(cuda)) NativeLibrary.TryLoad(cuda, out _);
        return directory;
    }

    private static void LoadFile(string file, string origin)
    {
        try
        {
            NativeLibrary.Load(file);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchRuntimeException(
                $"Could not load {file} ({origin}): {e.Message}. Set {Variable} to {WhereToPoint}.", e);
        }
    }
}
