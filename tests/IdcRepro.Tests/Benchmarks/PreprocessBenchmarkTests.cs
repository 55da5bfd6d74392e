using IdcRepro.Benchmarks;
using IdcRepro.Config;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Benchmarks;

public sealed class PreprocessBenchmarkTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Decodes_the_asked_number_of_synthetic_patches_and_leaves_no_files()
    {
        var result = PreprocessBenchmark.Run(new PreprocessConfig(), patches: 300, _temp.PathOf("bench"));

        Assert.Equal(300, result.Patches);
        Assert.True(result.Seconds > 0 && result.PatchesPerSecond > 0);
        Assert.Empty(Directory.GetFiles(_temp.PathOf("bench")));
    }
}
