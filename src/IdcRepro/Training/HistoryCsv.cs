using CsvHelper;
using IdcRepro.Pipeline;

namespace IdcRepro.Training;

/// <summary>
/// history.csv: one <see cref="HistoryRow"/> per completed epoch. Rewritten whole (atomically) after each epoch from
/// the checkpoint's history; it leaves out wall-clock seconds (kept in last.json) so that the same seed gives the same
/// bytes.
/// </summary>
public static class HistoryCsv
{
    public const string FileName = "history.csv";

    public static void Write(string path, IEnumerable<EpochRecord> history) =>
        CsvFile.Write(path, history.Select(HistoryRow.From));

    public static IReadOnlyList<HistoryRow> Read(string path) =>
        CsvFile.Read<HistoryRow>(path, (message, e) => new TrainingCheckpointException(path, message + ".", e));
}

/// <summary>
/// A row of history.csv: an <see cref="EpochRecord"/> without its wall-clock seconds, so the file is reproducible. A
/// type of its own, not a CSV mapping of EpochRecord: the file's columns (these names, in this order, no seconds) are
/// an output format, kept apart from epochs.json's fields so that neither file's shape follows a change to the other.
/// </summary>
[CsvRecord]
public sealed partial record HistoryRow(
    [property: CsvColumn("epoch")] int Epoch,
    [property: CsvColumn("train_loss")] double TrainLoss,
    [property: CsvColumn("train_accuracy")] double TrainAccuracy,
    [property: CsvColumn("train_binary_accuracy")] double TrainBinaryAccuracy,
    [property: CsvColumn("val_loss")] double ValLoss,
    [property: CsvColumn("val_accuracy")] double ValAccuracy,
    [property: CsvColumn("val_binary_accuracy")] double ValBinaryAccuracy,
    [property: CsvColumn("learning_rate")] double LearningRate)
{
    public static HistoryRow From(EpochRecord r) =>
        new(r.Epoch, r.TrainLoss, r.TrainAccuracy, r.TrainBinaryAccuracy, r.ValLoss, r.ValAccuracy, r.ValBinaryAccuracy,
            r.LearningRate);
}
