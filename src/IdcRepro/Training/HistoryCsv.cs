using CsvHelper;
using IdcRepro.Pipeline;

namespace IdcRepro.Training;

/// <summary>
/// history.csv: one <see cref="HistoryRow"/> per completed epoch. Rewritten whole (atomically) after each epoch from the
/// checkpoint's history; it leaves out wall-clock seconds (kept in last.json) so that the same seed gives the same bytes.
/// </summary>
public static class HistoryCsv
{
    public const string FileName = "history.csv";

    public static void Write(string path, IEnumerable<EpochRecord> history) => AtomicFile.Write(path, tmp =>
    {
        using var writer = CsvWriter.ToFile(tmp, new CsvWriterOptions { NewLine = "\n" }, FileOptions.None);
        writer.WriteRecords(history.Select(HistoryRow.From));
    });

    public static IReadOnlyList<HistoryRow> Read(string path)
    {
        try
        {
            using var reader = CsvReader.FromFile(path, new CsvReaderOptions(), FileOptions.SequentialScan);
            return reader.GetRecords<HistoryRow>().ToList();
        }
        catch (CsvFormatException e)
        {
            throw new TrainingCheckpointException(path, $"{path}: not a valid history file ({e.Message}).", e);
        }
    }
}
