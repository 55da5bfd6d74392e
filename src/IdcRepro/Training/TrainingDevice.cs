using IdcRepro.Config;
using IdcRepro.Torch;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// Picks the device a config asks for and, on CPU, sets libtorch's thread count (results are bit-identical per count).
/// The CPU kernels are those <see cref="ComputeSettings.CpuKernels"/> asks for; a GPU cannot promise determinism (see
/// <see cref="Select"/>).
/// </summary>
public static class TrainingDevice
{
    /// <summary>
    /// auto: CUDA when libtorch sees a GPU, else CPU. Loads Torch first, with the CPU kernels the settings ask for.
    /// </summary>
    /// <exception cref="IdcRepro.Pipeline.StageException">cuda was asked for and there is none, or deterministic
    /// results on CUDA.</exception>
    /// <exception cref="TorchRuntimeException">libtorch was loaded in this process with other CPU kernels than asked
    /// for.</exception>
    public static Device Select(ComputeSettings compute)
    {
        TorchRuntime.EnsureLoaded(compute.CpuKernels);
        var useCuda = compute.Device switch
        {
            DeviceChoice.Cpu => false,
            DeviceChoice.Cuda when !cuda.is_available() => throw new IdcRepro.Pipeline.StageException(
                "train.device is cuda but libtorch sees no CUDA device: use device auto or cpu, or run with a CUDA " +
                "libtorch (see README, section GPU)."),
            DeviceChoice.Cuda => true,
            _ => cuda.is_available(),
        };
        if (useCuda && compute.Deterministic)
            throw new IdcRepro.Pipeline.StageException(
                "train.deterministic promises bit-identical results, which cannot be asked of CUDA kernels here " +
                "(TorchSharp 0.107 does not " +
                "implement torch.use_deterministic_algorithms, and cuDNN picks algorithms at run time): set " +
                "train.device: cpu, or turn train.deterministic off.");
        if (useCuda) return CUDA;
        // threads 0: every CPU this process may use (in a Slurm job, those it got: Sweeps.JobCpus).
        set_num_threads(compute.Threads > 0 ? compute.Threads : Sweeps.JobCpus.Available());
        return CPU;
    }
}
