using IdcRepro.Data;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Data;

public sealed class DirectoryPatchReaderTests : IDisposable
{
    private readonly TempFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Reads_a_patch_by_its_slash_path()
    {
        Directory.CreateDirectory(_scratch.PathOf("8863/1"));
        File.WriteAllBytes(_scratch.PathOf("8863/1/8863_idx5_x51_y1251_class1.png"), [1, 2, 3]);
        using var reader = PatchReader.Open(new DatasetLocation(DatasetKind.Directory, _scratch.Path, ""));

        Assert.Equal([1, 2, 3], reader.ReadAllBytes("8863/1/8863_idx5_x51_y1251_class1.png"));
    }

    [Fact]
    public void A_missing_file_names_the_folder_and_the_path()
    {
        using var reader = DirectoryPatchReader.Open(_scratch.Path);

        var error = Assert.Throws<StageException>(() => reader.ReadAllBytes("8863/1/absent.png"));

        Assert.Contains(_scratch.Path, error.Message);
        Assert.Contains("8863/1/absent.png", error.Message);
    }

    [Fact]
    public void A_path_outside_the_folder_is_refused()
    {
        using var reader = DirectoryPatchReader.Open(_scratch.Path);

        Assert.Throws<StageException>(() => reader.ReadAllBytes("../etc/passwd"));
    }
}
