using IdcRepro.Config;
using IdcRepro.Torch;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>Picks the device a config asks for and, on CPU, sets libtorch's thread count (results are bit-identical per count).</summary>
public static class TrainingDevice
{
    /// <summary>auto: CUDA when libtorch sees a GPU, else CPU. Loads Torch first.</summary>
    /// <exception cref="IdcRepro.Pipeline.StageException">cuda was asked for and there is none.</exception>
    public static Device Select(DeviceChoice choice, int threads)
    {
        TorchRuntime.EnsureLoaded();
        var useCuda = choice switch
        {
            DeviceChoice.Cpu => false,
            DeviceChoice.Cuda when !cuda.is_available() => throw new IdcRepro.Pipeline.StageException(
                "train.device is cuda but libtorch sees no CUDA device: use device auto or cpu, or run with a CUDA libtorch (see README, section GPU)."),
            DeviceChoice.Cuda => true,
            _ => cuda.is_available(),
        };
        if (useCuda) return CUDA;
        set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        return CPU;
    }
}
