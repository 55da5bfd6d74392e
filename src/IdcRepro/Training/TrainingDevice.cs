using IdcRepro.Config;
using IdcRepro.Torch;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// Picks the device a config asks for and, on CPU, sets libtorch's thread count (results are bit-identical per count).
/// Deterministic: CPU numerics must be pinned (<see cref="CpuNumerics"/>); a GPU cannot promise it (see <see cref="Select"/>).
/// </summary>
public static class TrainingDevice
{
    /// <summary>auto: CUDA when libtorch sees a GPU, else CPU. Loads Torch first.</summary>
    /// <exception cref="IdcRepro.Pipeline.StageException">cuda was asked for and there is none, or deterministic results on CUDA.</exception>
    /// <exception cref="TorchRuntimeException">Deterministic, but libtorch was loaded with unpinned CPU numerics.</exception>
    public static Device Select(DeviceChoice choice, int threads, bool deterministic = false)
    {
        if (deterministic) TorchRuntime.EnsurePinned("train.deterministic");
        else TorchRuntime.EnsureLoaded();
        var useCuda = choice switch
        {
            DeviceChoice.Cpu => false,
            DeviceChoice.Cuda when !cuda.is_available() => throw new IdcRepro.Pipeline.StageException(
                "train.device is cuda but libtorch sees no CUDA device: use device auto or cpu, or run with a CUDA libtorch (see README, section GPU)."),
            DeviceChoice.Cuda => true,
            _ => cuda.is_available(),
        };
        if (useCuda && deterministic)
            throw new IdcRepro.Pipeline.StageException(
                "train.deterministic promises bit-identical results, which cannot be asked of CUDA kernels here (TorchSharp 0.107 does not " +
                "implement torch.use_deterministic_algorithms, and cuDNN picks algorithms at run time): set train.device: cpu, or turn train.deterministic off.");
        if (useCuda) return CUDA;
        set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        return CPU;
    }
}
