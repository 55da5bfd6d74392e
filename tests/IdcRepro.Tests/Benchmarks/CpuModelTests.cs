using IdcRepro.Benchmarks;

namespace IdcRepro.Tests.Benchmarks;

public sealed class CpuModelTests
{
    [Fact]
    public void The_model_name_of_an_x86_cpuinfo_is_found()
    {
        const string cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 1\n"
            + "model name\t: AMD EPYC 7B13\nflags\t\t: fpu avx2\n\n"
            + "processor\t: 1\nmodel name\t: AMD EPYC 7B13\n";
        Assert.Equal("AMD EPYC 7B13", CpuModel.Parse(cpuinfo));
    }

    [Fact]
    public void Arm_kernels_name_it_otherwise_and_some_not_at_all()
    {
        Assert.Equal("Raspberry Pi 4 Model B Rev 1.4", CpuModel.Parse(
            "processor\t: 0\nBogoMIPS\t: 108.00\nCPU part\t: 0xd08\n\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n"));
        Assert.Null(CpuModel.Parse("processor\t: 0\nBogoMIPS\t: 50.00\nCPU part\t: 0xd0c\n"));
        Assert.Null(CpuModel.Parse(""));
    }

    [Fact]
    public void This_machine_has_a_name_for_its_cpu()
    {
        var model = CpuModel.Read();
        Assert.False(string.IsNullOrWhiteSpace(model));
        if (File.Exists("/proc/cpuinfo") && File.ReadAllText("/proc/cpuinfo").Contains("model name"))
            Assert.DoesNotContain("unknown", model);
    }
}
