using System.IO.Compression;
using System.Text;
using IdcRepro.Synthetic;

namespace IdcRepro.Tests.Synthetic;

public sealed class StoredZipWriterTests
{
    [Fact]
    public void WritesStoredEntries_ThatZipArchiveReadsBack()
    {
        var bytes = Write(w =>
        {
            w.Add("a/one.txt", "hello"u8);
            w.Add("a/empty.txt", []);
            w.Add("b/two.bin", Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());
        });

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(["a/one.txt", "a/empty.txt", "b/two.bin"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2019, 1, 1), e.LastWriteTime.DateTime));
        Assert.Equal("hello", Read(zip.GetEntry("a/one.txt")!));
        Assert.Equal(0x3610A686u, zip.GetEntry("a/one.txt")!.Crc32); // CRC-32 of "hello"
    }

    [Fact]
    public void TheSameEntries_GiveTheSameBytes()
    {
        static void Entries(StoredZipWriter w)
        {
            w.Add("x.txt", "1"u8);
            w.Add("y.txt", "2"u8);
        }
        Assert.Equal(Write(Entries), Write(Entries));
    }

    [Fact]
    public void ManyEntries_SwitchToZip64_AndStillRead()
    {
        const int count = 70_000; // past the 65,535 entries a plain end record can count
        var bytes = Write(w =>
        {
            for (var i = 0; i < count; i++) w.Add($"{i:D6}.txt", Encoding.ASCII.GetBytes($"{i}"));
        });

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(count, zip.Entries.Count);
        Assert.Equal("69999", Read(zip.Entries[^1]));
    }

    private static byte[] Write(Action<StoredZipWriter> entries)
    {
        using var stream = new MemoryStream();
        var writer = new StoredZipWriter(stream);
        entries(writer);
        writer.Finish();
        return stream.ToArray();
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
