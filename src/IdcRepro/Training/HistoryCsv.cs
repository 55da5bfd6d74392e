using IdcRepro.Pipeline;

namespace IdcRepro.Training;

/// <summary>
/// history.csv: one <see cref="HistoryRow"/> per completed epoch. Rewritten whole (atomically) after each epoch from the
/// checkpoint's history; it leaves out wall-clock seconds (kept in last.json) so that the same seed gives the same bytes.
/// </summary>
public static class HistoryCsv
{
    public const string FileName = "history.csv";

    public static void Write(string path, IEnumerable<EpochRecord> history) => CsvFile.Write(path, history.Select(HistoryRow.From));

    public static IReadOnlyList<HistoryRow> Read(string path) =>
        CsvFile.Read<HistoryRow>(path, (message, e) => new TrainingCheckpointException(path, message + ".", e));
}
