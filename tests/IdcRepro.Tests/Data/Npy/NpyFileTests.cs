using IdcRepro.Data.Npy;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Data.Npy;

public sealed class NpyFileTests : IDisposable
{
    private readonly TempFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string WriteImages(string name, int count, int side = 4)
    {
        var path = _scratch.PathOf(name);
        using var writer = NpyArrayWriter.Create(path, new NpyHeader(NpyDType.UInt8, count, side, side, 3));
        for (var i = count - 1; i >= 0; i--) writer.Write(i, Item(i, side));
        return path;
    }

    private static byte[] Item(int index, int side) =>
        [.. Enumerable.Range(0, side * side * 3).Select(b => (byte)(index * 7 + b))];

    [Fact]
    public void Images_round_trip_item_by_item_in_any_write_order()
    {
        var path = WriteImages("images.npy", 5);

        using var array = NpyMappedArray.Open(path);

        Assert.Equal(new NpyHeader(NpyDType.UInt8, 5, 4, 4, 3), array.Header);
        for (var i = 0; i < 5; i++) Assert.Equal(Item(i, 4), array.Item(i).ToArray());
        Assert.Equal(128 + 5 * 48, new FileInfo(path).Length);
    }

    [Fact]
    public void Vectors_round_trip_as_int64_int32_and_uint8()
    {
        NpyFile.WriteVector<long>(_scratch.PathOf("l.npy"), [0, 1, long.MaxValue, -3]);
        NpyFile.WriteVector<int>(_scratch.PathOf("i.npy"), [7, -7]);
        NpyFile.WriteVector<byte>(_scratch.PathOf("b.npy"), [0, 1, 255]);

        Assert.Equal([0, 1, long.MaxValue, -3], NpyFile.ReadVector<long>(_scratch.PathOf("l.npy")));
        Assert.Equal([7, -7], NpyFile.ReadVector<int>(_scratch.PathOf("i.npy")));
        Assert.Equal([0, 1, 255], NpyFile.ReadVector<byte>(_scratch.PathOf("b.npy")));
        Assert.Throws<InvalidOperationException>(() => NpyFile.ReadVector<int>(_scratch.PathOf("l.npy")));
    }

    [Fact]
    public void Compaction_keeps_the_chosen_items_in_order_and_rewrites_the_count()
    {
        var path = _scratch.PathOf("images.npy");
        using (var writer = NpyArrayWriter.Create(path, new NpyHeader(NpyDType.UInt8, 10, 4, 4, 3)))
        {
            for (var i = 0; i < 10; i++) writer.Write(i, Item(i, 4));
            writer.Compact([0, 1, 3, 4, 5, 9]);
        }

        using var array = NpyMappedArray.Open(path);

        Assert.Equal(6, array.Count);
        Assert.Equal([0, 1, 3, 4, 5, 9], Enumerable.Range(0, 6).Select(i => (int)array.Item(i)[0] / 7));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_file_whose_length_disagrees_with_its_header_is_refused_by_name(int change)
    {
        var path = WriteImages("images.npy", 3);
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(stream.Length + change);

        var error = Assert.Throws<InvalidDataException>(() => NpyMappedArray.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(change < 0 ? "cut short" : "trailing bytes", error.Message);
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_refused_by_name()
    {
        var path = WriteImages("images.npy", 3);
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(60);

        var error = Assert.Throws<InvalidDataException>(() => NpyMappedArray.Open(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_npy_is_refused_by_name()
    {
        var path = _scratch.PathOf("labels.npy");
        File.WriteAllText(path, "label\n0\n1\n");

        var error = Assert.Throws<InvalidDataException>(() => NpyMappedArray.Open(path));

        Assert.Contains(path, error.Message);
    }

    /// <summary>
    /// The files are for NumPy too: np.load must read them. Needs python3 with numpy (Debian: python3-numpy).
    /// </summary>
    [Fact]
    public void Numpy_loads_what_is_written()
    {
        var images = WriteImages("images.npy", 3, side: 50);
        var labels = _scratch.PathOf("labels.npy");
        NpyFile.WriteVector<long>(labels, [1, 0, 1]);

        var output = Numpy.Run(
            $"import numpy as np; a=np.load('{images}'); l=np.load('{labels}'); "
            + "print(a.shape, a.dtype, a[0,0,0].tolist(), a[2,49,49].tolist(), l.shape, l.dtype, l.tolist())");

        var last = Item(2, 50);
        Assert.Equal($"(3, 50, 50, 3) uint8 [0, 1, 2] [{last[^3]}, {last[^2]}, {last[^1]}] (3,) int64 [1, 0, 1]",
            output.Trim());
    }

}
