using System.IO.Compression;
using IdcRepro.Fetch;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Fetch;

public sealed class ZipDatasetCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_valid_archive_counts_its_png_entries()
    {
        var zip = MakeZip("ok.zip", "10253/", "10253/0/10253_idx5_x1001_y1001_class0.png",
            "10253/1/10253_idx5_x1051_y1001_class1.PNG", "README.txt");

        Assert.Equal(2, ZipDatasetCheck.Validate(zip));
    }

    [Fact]
    public void An_entry_climbing_out_is_rejected_by_name()
    {
        var zip = MakeZip("evil.zip", "10253/0/a.png", "../evil.png");

        var e = Assert.Throws<StageException>(() => ZipDatasetCheck.Validate(zip));

        Assert.Contains("'../evil.png'", e.Message);
        Assert.Contains(zip, e.Message);
    }

    [Fact]
    public void An_absolute_entry_is_rejected_by_name()
    {
        var zip = MakeZip("absolute.zip", "/tmp/evil.png");

        var e = Assert.Throws<StageException>(() => ZipDatasetCheck.Validate(zip));

        Assert.Contains("'/tmp/evil.png'", e.Message);
        Assert.Contains("absolute", e.Message);
    }

    [Fact]
    public void A_truncated_archive_is_rejected_naming_the_file()
    {
        var whole = File.ReadAllBytes(MakeZip("whole.zip", "a/0/x.png", "a/1/y.png", "b/0/z.png"));
        var truncated = _temp.PathOf("truncated.zip");
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);

        var e = Assert.Throws<StageException>(() => ZipDatasetCheck.Validate(truncated));

        Assert.Contains(truncated, e.Message);
        Assert.Contains("truncated or not a zip archive", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_rejected_naming_the_file()
    {
        var html = _temp.PathOf("not-a-zip.zip");
        File.WriteAllText(html, "<html><body>Please sign in to download</body></html>");

        var e = Assert.Throws<StageException>(() => ZipDatasetCheck.Validate(html));

        Assert.Contains(html, e.Message);
        Assert.Contains("truncated or not a zip archive", e.Message);
    }

    [Fact]
    public void A_missing_file_is_rejected_naming_it()
    {
        var missing = _temp.PathOf("missing.zip");

        var e = Assert.Throws<StageException>(() => ZipDatasetCheck.Validate(missing));

        Assert.Contains(missing, e.Message);
    }

    [Theory]
    [InlineData("10253/0/10253_idx5_x1001_y1001_class0.png")]
    [InlineData("IDC_regular_ps50_idx5/10253/")]
    [InlineData("./a/b.png")]
    [InlineData("a/..b/c..png")]
    [InlineData("a/.hidden/b.png")]
    public void Names_inside_the_folder_are_safe(string name)
    {
        Assert.Null(ZipDatasetCheck.EscapeReason(name));
        Assert.True(ZipDatasetCheck.IsSafeEntryName(name));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("../evil.png", "'..'")]
    [InlineData("a/../../evil.png", "'..'")]
    [InlineData("a/..", "'..'")]
    [InlineData("a\\..\\..\\evil.png", "'..'")]
    [InlineData("a/.../evil.png", "'...'")]
    [InlineData("a/.. /evil.png", "'.. '")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("\\\\server\\share\\evil.png", "absolute")]
    [InlineData("\\evil.png", "absolute")]
    [InlineData("C:/Windows/evil.png", "drive letter")]
    [InlineData("C:evil.png", "drive letter")]
    [InlineData("a/b.png\0.txt", "NUL")]
    public void Names_that_escape_say_why(string name, string reason)
    {
        Assert.Contains(reason, ZipDatasetCheck.EscapeReason(name));
        Assert.False(ZipDatasetCheck.IsSafeEntryName(name));
    }

    private string MakeZip(string fileName, params string[] entryNames)
    {
        var path = _temp.PathOf(fileName);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var name in entryNames)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                if (!name.EndsWith('/')) writer.Write($"pixels of {name} {new string('x', 2_000)}");
            }
        }
        return path;
    }
}
