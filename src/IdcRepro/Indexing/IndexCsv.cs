using CsvHelper;
using IdcRepro.Data;
using IdcRepro.Pipeline;

namespace IdcRepro.Indexing;

/// <summary>The index file: one row per patch (path, patient, x, y, label), in index order.</summary>
public static class IndexCsv
{
    public const string FileName = "index.csv";

    public static void Write(string path, IEnumerable<Patch> patches) => AtomicFile.Write(path, tmp =>
    {
        using var writer = CsvWriter.ToFile(tmp, new CsvWriterOptions { NewLine = "\n" }, FileOptions.None);
        writer.WriteRecords(patches);
    });

    public static IReadOnlyList<Patch> Read(string path)
    {
        try
        {
            using var reader = CsvReader.FromFile(path, new CsvReaderOptions(), FileOptions.SequentialScan);
            return reader.GetRecords<Patch>().ToList();
        }
        catch (CsvFormatException e)
        {
            throw new StageException($"{path}: not a valid index file ({e.Message}). Rerun Index with --force.");
        }
    }
}
