using System.Text.Json;
using IdcRepro.Benchmarks;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Cli;

public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_json_records_the_cpu_model_and_the_gpu_name()
    {
        var json = _temp.PathOf("bench.json");
        var run = IdcProcess.Run(_temp.Path, "bench", "--config", Path.Combine(RepoPaths.Configs, "demo.yaml"),
            "--set", "train.threads=2", "--set", "train.batch_size=8", "--patches", "16", "--preprocess-patches", "0",
            "--json", json);

        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("cpu_model").GetString()));
        var gpu = root.GetProperty("gpu_name");
        using var sampler = DeviceMemorySampler.TryStart();
        if (sampler is null) Assert.Equal(JsonValueKind.Null, gpu.ValueKind);
        else Assert.Equal(sampler.GpuName, gpu.GetString());
    }
}
