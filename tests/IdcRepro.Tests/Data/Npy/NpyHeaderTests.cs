using System.Text;
using IdcRepro.Data.Npy;

namespace IdcRepro.Tests.Data.Npy;

public sealed class NpyHeaderTests
{
    [Fact]
    public void Encodes_exactly_what_numpy_save_writes_for_an_image_array()
    {
        const string dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 50, 50, 3), }";
        var expected = new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 }
            .Concat(Encoding.ASCII.GetBytes(dict.PadRight(117) + "\n")).ToArray();

        var header = new NpyHeader(NpyDType.UInt8, 2, 50, 50, 3).Encode();

        Assert.Equal(128, header.Length);
        Assert.Equal(expected, header);
    }

    [Theory]
    [InlineData("<i8", new long[] { 5 }, "{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }")]
    [InlineData("|u1", new long[] { 0, 50, 50, 3 },
        "{'descr': '|u1', 'fortran_order': False, 'shape': (0, 50, 50, 3), }")]
    [InlineData("<i4", new long[] { 277524 }, "{'descr': '<i4', 'fortran_order': False, 'shape': (277524,), }")]
    public void Writes_python_tuple_shapes_padded_to_64_bytes(string descr, long[] shape, string dict)
    {
        var header = new NpyHeader(NpyDType.FromDescr(descr)!, shape).Encode();
        var text = Encoding.ASCII.GetString(header, 10, header.Length - 10);

        Assert.Equal(0, header.Length % 64);
        Assert.StartsWith(dict + " ", text);
        Assert.EndsWith("\n", text);
        Assert.Equal(dict, text.TrimEnd());
    }

    [Fact]
    public void Keeps_its_length_when_the_count_changes_so_it_can_be_rewritten_in_place()
    {
        var header = new NpyHeader(NpyDType.UInt8, 277524, 50, 50, 3);

        Assert.Equal(header.Length, header.WithCount(7).Length);
        Assert.Equal(header.Length, header.WithCount(0).Length);
    }

    [Fact]
    public void Decodes_what_it_encodes()
    {
        var header = new NpyHeader(NpyDType.UInt8, 26252, 50, 50, 3);

        var decoded = NpyHeader.Decode(header.Encode());

        Assert.Equal(header, decoded);
        Assert.Equal(50 * 50 * 3, decoded.ItemBytes);
        Assert.Equal(26252L * 7500, decoded.DataBytes);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", "dtype '<f4'")]
    [InlineData("{'descr': '|u1', 'fortran_order': True, 'shape': (3, 2), }", "Fortran")]
    [InlineData("{'descr': '|u1', 'shape': (3,), }", "unreadable")]
    public void Refuses_headers_it_cannot_honour(string dict, string expected)
    {
        var text = Encoding.ASCII.GetBytes(dict.PadRight(117) + "\n");
        var bytes = new byte[]
        {
            0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)text.Length, 0
        }.Concat(text).ToArray();

        var error = Assert.Throws<InvalidDataException>(() => NpyHeader.Decode(bytes));

        Assert.Contains(expected, error.Message);
    }
}
