using CsvHelper;

namespace IdcRepro.Training;

/// <summary>A row of history.csv: an <see cref="EpochRecord"/> without its wall-clock seconds, so the file is reproducible.</summary>
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
        new(r.Epoch, r.TrainLoss, r.TrainAccuracy, r.TrainBinaryAccuracy, r.ValLoss, r.ValAccuracy, r.ValBinaryAccuracy, r.LearningRate);
}
