using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Pipeline;

public sealed class AtomicFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_folder_replaces_the_old_one_whole()
    {
        var folder = _temp.PathOf("out/export");
        AtomicFolder.Write(folder, work => File.WriteAllText(Path.Combine(work, "a.txt"), "first"));
        AtomicFolder.Write(folder, work => File.WriteAllText(Path.Combine(work, "b.txt"), "second"));

        Assert.Equal(["b.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        // nothing left beside it
        Assert.Equal(["export"], Directory.GetFileSystemEntries(_temp.PathOf("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_the_old_folder_and_no_temporary_one()
    {
        var folder = _temp.PathOf("export");
        AtomicFolder.Write(folder, work => File.WriteAllText(Path.Combine(work, "a.txt"), "first"));

        Assert.Throws<IOException>(() => AtomicFolder.Write(folder, work =>
        {
            File.WriteAllText(Path.Combine(work, "half.txt"), "half");
            throw new IOException("disk full");
        }));

        Assert.Equal("first", File.ReadAllText(Path.Combine(folder, "a.txt")));
        Assert.Equal(["export"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }
}
