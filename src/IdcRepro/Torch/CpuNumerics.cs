using System.Runtime.InteropServices;

namespace IdcRepro.Torch;

/// <summary>
/// Pins libtorch's CPU kernels to one instruction-set level (AVX2), so that a run gives the same bits on every x86-64
/// CPU: libtorch picks its kernels by CPU, and on an AVX-512 machine convolutions (oneDNN) and some ATen kernels
/// (log_softmax, measured) round differently from an AVX2 machine. The three variables are read by the native
/// libraries themselves (ATen, oneDNN, MKL) when they first pick a kernel, so they must be in the process's native
/// environment before libtorch loads: <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach
/// the C library's <c>getenv</c> on Linux, hence <c>setenv</c>. Measured on an AMD EPYC with AVX-512 (README,
/// Determinism): oneDNN's cap changes convolutions, ATen's changes log_softmax, MKL's changed nothing we use; all
/// three are set, so a kernel that starts to depend on one later is pinned too.
/// </summary>
public static class CpuNumerics
{
    /// <summary>The level every pinned run computes at: every x86-64 CPU of this project's machines has AVX2.</summary>
    public const string PinnedLevel = "avx2";

    /// <summary>The variables and their pinned values.</summary>
    public static IReadOnlyList<(string Name, string Value)> Variables { get; } =
    [
        ("ATEN_CPU_CAPABILITY", "avx2"),
        ("ONEDNN_MAX_CPU_ISA", "AVX2"),
        ("MKL_ENABLE_INSTRUCTIONS", "AVX2"),
    ];

    /// <summary>
    /// Sets the variables in the native environment of this process (and so of its children). Call it before
    /// <see cref="TorchRuntime.EnsureLoaded"/>; once libtorch has loaded it comes too late, which
    /// <see cref="TorchRuntime"/> detects and reports.
    /// </summary>
    public static void Pin()
    {
        foreach (var (name, value) in Variables)
        {
            Environment.SetEnvironmentVariable(name, value);
            if (!OperatingSystem.IsWindows() && SetEnv(name, value, 1) != 0)
                throw new TorchRuntimeException(
                    $"Could not set {name}={value} in the process environment (setenv " +
                    $"failed: {Marshal.GetLastPInvokeErrorMessage()}).");
        }
    }

    /// <summary>
    /// Whether the native environment holds the pinned values now (what libtorch will read when it loads).
    /// </summary>
    public static bool InEnvironment() => Variables.All(v => NativeValue(v.Name) == v.Value);

    /// <summary>One line for logs and train.json.</summary>
    public static string Describe(bool pinned) => pinned
        ? $"pinned to {PinnedLevel} ({string.Join(", ", Variables.Select(v => $"{v.Name}={v.Value}"))})"
        : $"this CPU's own kernels (not pinned; the CPU has {WidestVectors()})";

    /// <summary>The widest x86 vector instructions this CPU has, as libtorch would see them.</summary>
    public static string WidestVectors() =>
        System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512"
        : System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "AVX2"
        : System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();

    private static string? NativeValue(string name) =>
        OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : Marshal.PtrToStringUTF8(GetEnv(name));

    [DllImport("libc", EntryPoint = "setenv", SetLastError = true)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
