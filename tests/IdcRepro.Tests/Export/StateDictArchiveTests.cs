using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Export;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Torch;
using IdcRepro.Training;

namespace IdcRepro.Tests.Export;

public sealed class StateDictArchiveTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_same_weights_give_the_same_bytes_stored_and_dated_1980()
    {
        TorchRuntime.EnsureLoaded();
        using var model = new IdcCnn(
            new ModelConfig { ConvWidths = [4], PooledConvs = 1, DenseWidths = [3], BatchNorm = true }, 10);
        var first = _temp.PathOf("first.pt");
        var second = _temp.PathOf("second.pt");

        StateDictArchive.Write(model, first);
        StateDictArchive.Write(model, second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using var zip = ZipFile.OpenRead(first);
        Assert.Equal("model/version", zip.Entries[0].FullName);
        Assert.Contains(zip.Entries, e => e.FullName == "model/data.pkl");
        Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength)); // stored, as torch.save stores
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }
}
