using IdcRepro.Pipeline;
using IdcRepro.Torch;

namespace IdcRepro.Tests.Torch;

public sealed class PatchedLibraryCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"idc-native-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Store_writes_the_copy_under_the_hash_of_the_original()
    {
        byte[] original = [1, 2, 3], patched = [1, 2, 7];

        var path = PatchedLibraryCache.Store(_root, original, "libX.so", patched);

        Assert.Equal(Path.Combine(_root, Hashing.Sha256Hex(original), "libX.so"), path);
        Assert.Equal(patched, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));   // no temporary file left behind
    }

    [Fact]
    public void Store_keeps_an_identical_copy_and_replaces_a_different_one()
    {
        byte[] original = [1, 2, 3];
        var path = PatchedLibraryCache.Store(_root, original, "libX.so", [1, 2, 7]);
        var written = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        PatchedLibraryCache.Store(_root, original, "libX.so", [1, 2, 7]);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));

        PatchedLibraryCache.Store(_root, original, "libX.so", [1, 2, 9]);
        Assert.Equal([1, 2, 9], File.ReadAllBytes(path));
    }
}
