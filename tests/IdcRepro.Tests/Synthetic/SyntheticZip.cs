using System.IO.Compression;
using System.Text.RegularExpressions;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Synthetic;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.Synthetic;

/// <summary>
/// One patch read back from a synthetic zip: what its name says, its PNG header and pixels, how the zip holds it.
/// </summary>
public sealed record SyntheticEntry(
    string Name, string Patient, int Label, int X, int Y,
    PngColorType? ColorType, PngBitDepth? BitDepth, Image<Rgb24> Pixels,
    bool Stored, DateTimeOffset Modified);

/// <summary>
/// A synthetic dataset written once into a temporary folder and read back, shared by the tests of a class.
/// </summary>
public sealed partial class SyntheticZip : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idc-synthetic-").FullName;

    public SyntheticZip() : this(new SyntheticConfig()) { }

    internal SyntheticZip(SyntheticConfig config)
    {
        Config = config;
        Path = File("dataset.zip");
        Summary = SyntheticDataset.WriteZip(config, Path);
        Sha256 = Hashing.FileSha256(Path);
        using var zip = ZipFile.OpenRead(Path);
        Entries = zip.Entries.Select(Read).ToList();
    }

    public SyntheticConfig Config { get; }
    public string Path { get; }
    public SyntheticSummary Summary { get; }
    public string Sha256 { get; }

    /// <summary>
    /// Every entry, in the zip's own order. An entry whose name does not match the layout has Patient "".
    /// </summary>
    public IReadOnlyList<SyntheticEntry> Entries { get; }

    /// <summary>
    /// The original archive's naming: patient folder, class folder, then patient, x, y and class again.
    /// </summary>
    [GeneratedRegex(@"^(\d+)/([01])/\1_idx5_x(\d+)_y(\d+)_class\2\.png$")]
    public static partial Regex EntryName();

    /// <summary>A path for another file in this fixture's temporary folder.</summary>
    public string File(string name) => System.IO.Path.Combine(_folder, name);

    public void Dispose()
    {
        foreach (var entry in Entries) entry.Pixels.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static SyntheticEntry Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var png = Image.Identify(bytes).Metadata.GetPngMetadata();
        var pixels = Image.Load<Rgb24>(bytes);
        var match = EntryName().Match(entry.FullName);
        int Group(int i) => match.Success ? int.Parse(match.Groups[i].Value) : -1;
        return new SyntheticEntry(entry.FullName, match.Success ? match.Groups[1].Value : "", Group(2), Group(3),
            Group(4), png.ColorType, png.BitDepth, pixels, entry.CompressedLength == entry.Length, entry.LastWriteTime);
    }
}
