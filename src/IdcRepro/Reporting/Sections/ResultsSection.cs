using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Plots;

namespace IdcRepro.Reporting.Sections;

/// <summary>The confusion matrix, the ROC and precision-recall curves, and P1 by true class.</summary>
internal static class ResultsSection
{
    public static IEnumerable<Block> Blocks(RunReport report)
    {
        var m = report.Metrics;
        var c = m.Confusion;
        yield return new Heading(2, "Confusion matrix", "confusion");
        if (!report.HasTestSet)
        {
            yield return new Paragraph(SplitWords.NoTestSet, Tone.Note);
            yield break;
        }
        var predicted = report.Thresholded
            ? $"the predicted class (IDC when {report.Decision})"
            : "the predicted class (the larger of the two outputs, ties to non-IDC)";
        yield return new Figure([new ReportImage("confusion.png", ConfusionMatrixPlot.Render(c), "Confusion matrix")],
            "Rows are the true class, " +
            $"columns {predicted}" +
            $"{(report.Tta ? "; each patch scored as the mean of its 8 rotations and mirror images" : "")}. " +
            $"Each cell shows its count and its share of the row: sensitivity {Format.Fixed(c.Recall, 3)}, " +
            $"specificity {Format.Fixed(c.Specificity, 3)}, precision {Format.Fixed(c.Precision, 3)} " +
            $"on {Format.Count(c.Total)} test patches ({Format.Count(c.Positives)} IDC, {Format.Count(c.Negatives)} " +
            "non-IDC).");

        yield return new Heading(2, "ROC and precision-recall", "curves");
        yield return new Figure(
        [
            new ReportImage("roc.png", RocPlot.Render(report.Roc, m), "ROC curve"),
            new ReportImage("pr.png", PrecisionRecallPlot.Render(report.PrecisionRecall, m), "Precision-recall curve"),
        ], report.Thresholded
            ? "Both curves rank test patches by P1, the IDC output. The dot is the decision the confusion matrix " +
                "counts: P1 above the threshold chosen on the validation patients."
            : "Both curves rank test patches by P1, the IDC output. The dot is the argmax decision the confusion " +
                "matrix counts; " +
              "argmax compares P1 with P0 rather than P1 with a fixed threshold, so the dot can sit off the curve.");

        yield return new Heading(2, "Scores", "scores");
        yield return new Figure(
            [
            new ReportImage("p1-histogram.png", ScoreHistogramPlot.Render(report.Predictions),
            "Histogram of P1 by true class")],
            "P1 for the test patches of each true class, in bins of 0.05. Well separated humps near 0 and 1 mean " +
            "confident, " +
            "mostly right calls; mass in the middle or on the wrong side shows where the model hesitates or errs.");
    }
}
