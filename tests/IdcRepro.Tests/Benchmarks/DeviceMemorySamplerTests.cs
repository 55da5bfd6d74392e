using IdcRepro.Benchmarks;

namespace IdcRepro.Tests.Benchmarks;

public sealed class DeviceMemorySamplerTests
{
    [Fact]
    public void Samples_the_gpu_where_there_is_one_and_is_absent_where_there_is_none()
    {
        using var sampler = DeviceMemorySampler.TryStart();
        var hasNvidiaDriver = File.Exists("/proc/driver/nvidia/version");
        Assert.Equal(hasNvidiaDriver, sampler is not null);
        if (sampler is null) return;
        Thread.Sleep(20);
        Assert.True(sampler.PeakBytes >= sampler.BaselineBytes);
        Assert.False(string.IsNullOrWhiteSpace(sampler.GpuName));
    }
}
