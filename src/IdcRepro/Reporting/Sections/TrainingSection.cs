using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Plots;

namespace IdcRepro.Reporting.Sections;

/// <summary>Loss and accuracy per epoch, with the kept epoch and the stop explained.</summary>
internal static class TrainingSection
{
    public static IEnumerable<Block> Blocks(RunReport report)
    {
        var history = report.History;
        yield return new Heading(2, "Training", "training");
        var best = history.Best is { } b
            ? $"The weights of epoch {b.Epoch} were kept (validation loss {Format.Fixed(b.ValLoss, 4)}, validation " +
                $"accuracy {Format.Fixed(b.ValAccuracy, 4)})."
            : $"The weights of epoch {history.BestEpoch} were kept.";
        var stop = history.EarlyStopped
            ? $"Early stopping ended training after epoch {history.StoppedEpoch}."
            : $"Training ran its full {history.StoppedEpoch} epochs (early stopping did not fire).";
        yield return new Figure(
        [
            new ReportImage("loss.png", LearningCurvePlot.Loss(history), "Training and validation loss per epoch"),
            new ReportImage("accuracy.png", LearningCurvePlot.Accuracy(history),
                "Training and validation accuracy per epoch"),
        ], $"{best} {stop} {history.Epochs.Count} epochs took {Format.Seconds(history.TotalSeconds)}.");
    }
}
