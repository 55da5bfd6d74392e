namespace IdcRepro.Sweeps;

/// <summary>
/// The GPUs the local executor hands out, one to each worker: those CUDA_VISIBLE_DEVICES lists when it is set, else one
/// per line of <c>nvidia-smi -L</c>; none on a machine without NVIDIA GPUs (trainings then run on the CPU).
/// </summary>
public static class LocalGpus
{
    /// <param name="cudaVisibleDevices">The variable's value, null when unset.</param>
    /// <param name="nvidiaSmiList">What <c>nvidia-smi -L</c> printed, null when it could not run.</param>
    public static IReadOnlyList<string> Parse(string? cudaVisibleDevices, string? nvidiaSmiList)
    {
        if (cudaVisibleDevices is not null)
            return cudaVisibleDevices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(d => d != "-1").ToList();
        return (nvidiaSmiList ?? "").Split('\n').Where(l => l.StartsWith("GPU ", StringComparison.Ordinal))
            .Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The GPU of a worker (0-based): worker i gets GPU i mod count; null without GPUs.</summary>
    public static string? For(int worker, IReadOnlyList<string> gpus) => gpus.Count == 0 ? null
        : gpus[worker % gpus.Count];
}
