using CsvHelper;
using IdcRepro.Pipeline;

namespace IdcRepro.Stages;

/// <summary>predictions.csv: one row per scored patch.</summary>
public static class PredictionsCsv
{
    public const string FileName = "predictions.csv";

    public static void Write(string path, IEnumerable<PredictionRow> rows) => AtomicFile.Write(path, tmp =>
    {
        using var writer = CsvWriter.ToFile(tmp, new CsvWriterOptions { NewLine = "\n" }, FileOptions.None);
        writer.WriteRecords(rows);
    });

    public static IReadOnlyList<PredictionRow> Read(string path)
    {
        try
        {
            using var reader = CsvReader.FromFile(path, new CsvReaderOptions(), FileOptions.SequentialScan);
            return reader.GetRecords<PredictionRow>().ToList();
        }
        catch (CsvFormatException e)
        {
            throw new StageException($"{path}: not a valid predictions file ({e.Message}). Rerun Evaluate with --force.");
        }
    }
}
