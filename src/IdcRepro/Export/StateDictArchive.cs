using System.IO.Compression;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace IdcRepro.Export;

/// <summary>
/// Writes a module's state_dict in PyTorch's zip format with TorchSharp.PyBridge, then lays the archive out again so
/// that the same weights always give the same bytes (PyBridge stamps each entry with the current time and deflates it):
/// every entry in PyBridge's order, stored uncompressed as <c>torch.save</c> stores them, dated 1980-01-01 (the
/// earliest zip date).
/// </summary>
public static class StateDictArchive
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(nn.Module module, string path)
    {
        using var written = new MemoryStream();
        module.save_py(written, leaveOpen: true);
        written.Position = 0;
        using var source = new ZipArchive(written, ZipArchiveMode.Read);
        using var file = File.Create(path);
        using var target = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression);
            copy.LastWriteTime = FixedTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
