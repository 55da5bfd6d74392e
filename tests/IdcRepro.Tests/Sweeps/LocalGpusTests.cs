using IdcRepro.Sweeps;

namespace IdcRepro.Tests.Sweeps;

public sealed class LocalGpusTests
{
    [Fact]
    public void Gpus_come_from_cuda_visible_devices_else_from_nvidia_smi()
    {
        Assert.Equal(["2", "3"], LocalGpus.Parse("2, 3", "GPU 0: H100\nGPU 1: H100\n"));
        Assert.Equal(["0", "1"],
            LocalGpus.Parse(null, "GPU 0: NVIDIA H100 (UUID: GPU-a)\nGPU 1: NVIDIA H100 (UUID: GPU-b)\n"));
        Assert.Empty(LocalGpus.Parse(null, null));
        Assert.Empty(LocalGpus.Parse("", "GPU 0: H100\n"));
        Assert.Empty(LocalGpus.Parse("-1", null));
    }

    [Fact]
    public void Each_worker_gets_one_gpu_in_turn()
    {
        Assert.Equal(["0", "1", "0"], Enumerable.Range(0, 3).Select(w => LocalGpus.For(w, ["0", "1"])));
        Assert.Null(LocalGpus.For(0, []));
    }
}
