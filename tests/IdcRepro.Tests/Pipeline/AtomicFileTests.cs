using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Pipeline;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_replace_the_file_whole()
    {
        var path = _temp.PathOf("sub/a.txt");
        AtomicFile.WriteAllText(path, "one");
        AtomicFile.WriteAllText(path, "two");
        Assert.Equal("two", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFiles(_temp.PathOf("sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_full_disk_names_the_folder_and_the_size_and_keeps_the_old_file()
    {
        var path = _temp.File("runs/demo/config.yaml", "old");

        using (WriteFaults.DiskFullUnder(_temp.Path))
        {
            var e = Assert.Throws<WriteFailedException>(() => AtomicFile.WriteAllBytes(path, new byte[2_500_000]));

            Assert.Equal(_temp.PathOf("runs/demo"), e.Folder);
            Assert.StartsWith(
                $"no space left on the disk of {_temp.PathOf("runs/demo")} to write config.yaml: it needs 2.5 MB, ",
                e.Message);
            Assert.EndsWith("Free some space there (old runs, downloads) or give --artifacts a folder on a disk " +
                "with room, then rerun.", e.Message);
        }
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["config.yaml"], Directory.GetFiles(_temp.PathOf("runs/demo")).Select(Path.GetFileName));
    }

    [Fact]
    public void Sizes_read_as_words()
    {
        Assert.Equal("512 bytes", WriteFailure.Size(512));
        Assert.Equal("12.3 kB", WriteFailure.Size(12_345));
        Assert.Equal("2.5 MB", WriteFailure.Size(2_500_000));
        Assert.Equal("3.1 GB", WriteFailure.Size(3_100_000_000));
    }
}
