using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Panels;

namespace IdcRepro.Reporting.Sections;

/// <summary>
/// Real held-out patches: examples of each test outcome, and whole-region tissue maps of the held-out patients.
/// </summary>
internal static class PatchSection
{
    public static IEnumerable<Block> Blocks(RunReport report, ReportOptions options)
    {
        yield return new Heading(2, "Example patches", "examples");
        if (!report.HasTestSet)
        {
            yield return new Paragraph(SplitWords.NoTestSet, Tone.Note);
        }
        else if (report.Pixels is not { } pixels)
        {
            yield return new Paragraph("The pixels of the test patches were not given, so no examples are shown.",
                Tone.Note);
        }
        else
        {
            var rows = ExamplePicker.Pick(report.Predictions, options.ExamplesPerOutcome);
            yield return new Figure(
                [
                new ReportImage("examples.png", ExampleGrid.Render(rows, report.Predictions, pixels),
                "Example test patches by outcome")],
                $"Up to {options.ExamplesPerOutcome} test patches of each outcome, the most confident first " +
                "(highest P1 where IDC " +
                "was predicted, lowest where non-IDC was), shown at twice their size. The false positives and false " +
                "negatives are the model's most confident mistakes.");
        }

        foreach (var block in TissueMaps(report, options)) yield return block;
    }

    /// <summary>
    /// Whole-region maps of the held-out patients: each test patient, then each external set's patients (capped per
    /// set).
    /// </summary>
    private static IEnumerable<Block> TissueMaps(RunReport report, ReportOptions options)
    {
        yield return new Heading(2, "Tissue maps", "tissue");
        if (report.Regions.Count == 0)
        {
            yield return new Paragraph(report.HasTestSet || report.External.Count > 0
                ? "The pixels of the held-out patches were not given, so no tissue maps are shown."
                : "No held-out patient to map: this run scored no test set and no external set.", Tone.Note);
            yield break;
        }
        var partial = report.Regions.Any(r => r.Scored < r.Patches.Count);
        yield return new Paragraph(
            "Each held-out patient's whole region, rebuilt from the x and y in the names of its patches: every " +
            "patch the data holds " +
            "of the patient, the same region tinted by the pathologist's label, and tinted by the model's P1" +
            (partial
                ? ". A random patch split holds no patient out: only a patient's test patches were scored, and the " +
                    "patches the model " +
                  "trained on are drawn dark grey in the P1 panel (its figures count the scored patches only)."
                : " (every patch held out).") +
            " Light grey squares are positions without a patch (no tissue there). A region larger " +
            $"than {options.TissueMapMaxPanelSize} pixels a side is " +
            "shrunk to fit, a whole number of pixels a patch. The patient's ROC AUC and balanced accuracy are over " +
            "its scored patches.");
        var picked = TissueMapPicker.Pick(report.Regions, options.TissueMapPatients);
        if (picked.Count < report.Regions.Count)
            yield return new Paragraph(
                $"{picked.Count} of the {report.Regions.Count} held-out patients are mapped here: at " +
                $"most {options.TissueMapPatients} of each set " +
                "(the test set, each external set), those with the most scored patches, to keep the page light; the " +
                "per-patient tables list them all.", Tone.Note);
        foreach (var region in picked)
        {
            var png = TissueMap.Render(region, options.TissueMapMaxPanelSize, options.TissueMapMaxPanelSize);
            var name = region.Source == "test" ? $"tissue-{FileSafe(region.Patient)}.png"
                : $"tissue-{FileSafe(region.Source.Replace("external set ", "", StringComparison.Ordinal))}-" +
                    $"{FileSafe(region.Patient)}.png";
            var held = region.Scored == region.Patches.Count
                ? "every patch held out"
                : $"{Format.Count(region.Scored)} held out in the test set and " +
                    $"scored, {Format.Count(region.Patches.Count - region.Scored)} trained on";
            var caption = $"Patient {region.Patient} ({region.Source}): the whole " +
                $"region, {Format.Count(region.Patches.Count)} patches ({Format.Count(region.Idc)} IDC), {held}; " +
                          $"ROC AUC {Format.Fixed(region.RocAuc, 3)} and balanced " +
                          $"accuracy {Format.Fixed(region.BalancedAccuracy, 3)} over " +
                          $"its {Format.Count(region.Scored)} scored patches" +
                          (region.RocAuc is null ? " (n/a: the patient has patches of one class only)." : ".");
            yield return new Figure(
                [new ReportImage(name, png, $"Tissue map of patient {region.Patient} ({region.Source})")], caption);
        }
    }

    private static string FileSafe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
