using System.IO.Compression;
using IdcRepro.Data;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Data;

public sealed class ZipPatchReaderTests : IDisposable
{
    private readonly TempFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static List<(string Name, byte[] Bytes)> Entries(int count)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var bytes = new byte[random.Next(0, 9000)];
            random.NextBytes(bytes);
            return ($"p{i % 7}/{i % 2}/p{i % 7}_idx5_x{i}_y{i * 2}_class{i % 2}.png", bytes);
        })];
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression)]
    [InlineData(CompressionLevel.Optimal)]
    public void Reads_the_same_bytes_from_many_threads_at_once(CompressionLevel level)
    {
        var entries = Entries(300);
        var zipPath = _scratch.PathOf("data.zip");
        TestPngs.Zip(zipPath, entries, level);

        using var reader = PatchReader.Open(new DatasetLocation(DatasetKind.Zip, zipPath, ""));
        var mismatches = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var order = Enumerable.Range(0, entries.Count).OrderBy(_ => Random.Shared.Next()).ToList();
            foreach (var i in order)
                if (!reader.ReadAllBytes(entries[i].Name).AsSpan().SequenceEqual(entries[i].Bytes))
                    Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void A_missing_entry_names_the_zip_and_the_entry()
    {
        var zipPath = _scratch.PathOf("data.zip");
        TestPngs.Zip(zipPath, Entries(3));
        using var reader = ZipPatchReader.Open(zipPath);

        var error = Assert.Throws<StageException>(() => reader.ReadAllBytes("9999/1/9999_idx5_x1_y1_class1.png"));

        Assert.Contains(zipPath, error.Message);
        Assert.Contains("9999/1/9999_idx5_x1_y1_class1.png", error.Message);
    }

    [Fact]
    public void A_stored_entry_whose_bytes_do_not_match_its_crc_is_damaged()
    {
        var entries = Entries(3).Where(e => e.Bytes.Length > 100).ToList();
        var zipPath = _scratch.PathOf("data.zip");
        TestPngs.Zip(zipPath, entries);
        var zip = File.ReadAllBytes(zipPath);
        zip[zip.AsSpan().IndexOf(entries[0].Bytes) + 50] ^= 1;
        File.WriteAllBytes(zipPath, zip);
        using var reader = ZipPatchReader.Open(zipPath);

        var error = Assert.Throws<InvalidDataException>(() => reader.ReadAllBytes(entries[0].Name));

        Assert.Contains(entries[0].Name, error.Message);
        Assert.Contains("CRC-32", error.Message);
        Assert.Equal(entries[^1].Bytes, reader.ReadAllBytes(entries[^1].Name));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_by_name()
    {
        var path = _scratch.PathOf("not-a.zip");
        File.WriteAllBytes(path, new byte[1000]);

        var error = Assert.Throws<StageException>(() => ZipPatchReader.Open(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_zip_is_refused_by_name()
    {
        var error = Assert.Throws<StageException>(() => ZipPatchReader.Open(_scratch.PathOf("absent.zip")));

        Assert.Contains("absent.zip", error.Message);
    }

    [Fact]
    public void Reads_a_zip64_archive_with_more_entries_than_a_plain_zip_can_count()
    {
        // The full IDC archive has 277,524 patches: past 65,535 entries a zip needs the zip64 end records.
        const int count = 70_000;
        var zipPath = _scratch.PathOf("big.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            for (var i = 0; i < count; i++)
                using (var stream = zip.CreateEntry($"e{i}", CompressionLevel.NoCompression).Open())
                    stream.Write(BitConverter.GetBytes(i));

        using var reader = ZipPatchReader.Open(zipPath);

        Assert.Equal(count, reader.EntryCount);
        Assert.Equal(BitConverter.GetBytes(0), reader.ReadAllBytes("e0"));
        Assert.Equal(BitConverter.GetBytes(count - 1), reader.ReadAllBytes($"e{count - 1}"));
    }

    [Fact]
    public void Reads_the_real_sample_like_ZipArchive_does()
    {
        var path = RepoPaths.SampleZip;
        using var archive = ZipFile.OpenRead(path);
        using var reader = ZipPatchReader.Open(path);
        var every = archive.Entries.Where((_, i) => i % 997 == 0).ToList();

        foreach (var entry in every)
        {
            using var stream = entry.Open();
            using var expected = new MemoryStream();
            stream.CopyTo(expected);
            Assert.Equal(expected.ToArray(), reader.ReadAllBytes(entry.FullName));
        }
        Assert.Equal(archive.Entries.Count, reader.EntryCount);
    }
}
