using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.TestSupport;

/// <summary>Small hand-made datasets in the original layout, for stage tests.</summary>
public static class TinyDataset
{
    /// <summary>A PNG of the given size filled with one colour.</summary>
    public static byte[] Png(int width = 50, int height = 50, byte r = 200, byte g = 120, byte b = 180)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(r, g, b));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Entry names of <paramref name="patients"/> patients with 4 patches each (one of them class 1).
    /// </summary>
    public static IEnumerable<string> Names(params string[] patients) => patients.SelectMany(p => new[]
    {
        $"{p}/0/{p}_idx5_x1_y1_class0.png", $"{p}/0/{p}_idx5_x51_y1_class0.png",
        $"{p}/0/{p}_idx5_x1_y51_class0.png", $"{p}/1/{p}_idx5_x51_y51_class1.png",
    });

    /// <summary>Writes a zip holding the named entries (PNGs, or the given bytes).</summary>
    public static string WriteZip(string path, IEnumerable<string> names, Func<string, byte[]>? content = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var name in names)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
            stream.Write(content?.Invoke(name) ?? Png());
        }
        return path;
    }
}
