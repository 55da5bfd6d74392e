namespace IdcRepro.Torch;

/// <summary>What <see cref="TorchRuntime.EnsureLoaded"/> loaded, for logs and provenance.</summary>
/// <param name="TorchSharpVersion">The TorchSharp package version, e.g. 0.107.0.</param>
/// <param name="LibTorchBuildVersion">The libtorch version TorchSharp was built against
/// (<c>torch.__version__</c>).</param>
/// <param name="LibTorchDirectory">The folder libtorch was loaded from; null where it was left to TorchSharp (not
/// Linux).</param>
/// <param name="LibTorchSharpPath">The LibTorchSharp file in use: the shipped one, or the patched copy.</param>
/// <param name="WeakenedVersions">The symbol versions marked weak in the patched copy; empty when unpatched.</param>
/// <param name="CudaAvailable">Whether <c>torch.cuda.is_available()</c>.</param>
/// <param name="CpuNumericsPinned">Whether the CPU kernels were pinned to one instruction-set level when libtorch
/// loaded (<see cref="CpuNumerics"/>); fixed for the life of the process.</param>
public sealed record TorchRuntimeInfo(
    string TorchSharpVersion,
    string LibTorchBuildVersion,
    string? LibTorchDirectory,
    string? LibTorchSharpPath,
    IReadOnlyList<string> WeakenedVersions,
    bool CudaAvailable,
    bool CpuNumericsPinned = false)
{
    /// <summary>How the CPU kernels were chosen, for logs and train.json.</summary>
    public string CpuNumerics => Torch.CpuNumerics.Describe(CpuNumericsPinned);

    /// <summary>Whether LibTorchSharp was loaded from a patched copy.</summary>
    public bool Patched => WeakenedVersions.Count > 0;

    /// <summary>
    /// One line for logs, e.g. "TorchSharp 0.107.0, libtorch CPU from /app, patched copy of LibTorchSharp for
    /// GLIBCXX_3.4.32".
    /// </summary>
    public string Description =>
        $"TorchSharp {TorchSharpVersion} (built for libtorch {LibTorchBuildVersion}), " +
        $"libtorch {(CudaAvailable ? "CUDA" : "CPU")} from {LibTorchDirectory ?? "TorchSharp's default search"}, " +
        (Patched ? $"patched copy of LibTorchSharp for {string.Join(", ", WeakenedVersions)}"
            : "LibTorchSharp as shipped");
}
