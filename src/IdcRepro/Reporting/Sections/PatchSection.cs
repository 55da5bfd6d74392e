using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Panels;

namespace IdcRepro.Reporting.Sections;

/// <summary>Real test patches: examples of each outcome, and tissue maps of the patients with the most test patches.</summary>
internal static class PatchSection
{
    public static IEnumerable<Block> Blocks(RunReport report, ReportOptions options)
    {
        yield return new Heading(2, "Example patches", "examples");
        if (report.Pixels is not { } pixels)
        {
            yield return new Paragraph("The pixels of the test patches were not given, so no examples are shown.", Tone.Note);
        }
        else
        {
            var rows = ExamplePicker.Pick(report.Predictions, options.ExamplesPerOutcome);
            yield return new Figure([new ReportImage("examples.png", ExampleGrid.Render(rows, report.Predictions, pixels), "Example test patches by outcome")],
                $"Up to {options.ExamplesPerOutcome} test patches of each outcome, the most confident first (highest P1 where IDC " +
                "was predicted, lowest where non-IDC was), shown at twice their size. The false positives and false " +
                "negatives are the model's most confident mistakes.");
        }

        yield return new Heading(2, "Tissue maps", "tissue");
        if (report.Pixels is not { } tissuePixels)
        {
            yield return new Paragraph("The pixels of the test patches were not given, so no tissue maps are shown.", Tone.Note);
            yield break;
        }
        yield return new Paragraph(
            "Each patient's test patches put back where they lie on the slide (from the x and y in their file names): " +
            "the rebuilt region, the same region tinted by the pathologist's label, and tinted by the model's P1. Grey " +
            "squares are positions with no test patch (training patches, or no tissue); the report knows only the test patches.");
        var patients = report.Patients.ToDictionary(p => p.Patient, StringComparer.Ordinal);
        foreach (var patient in TissueMapPicker.Pick(report.Predictions, options.TissueMapPatients))
        {
            var png = TissueMap.Render(patient, report.Predictions, tissuePixels, options.TissueMapMaxPanelSize, options.TissueMapMaxPanelSize);
            var caption = $"Patient {patient}";
            if (patients.TryGetValue(patient, out var s))
                caption += $": {Format.Count(s.Patches)} test patches ({Format.Count(s.Positives)} IDC); accuracy {Format.Fixed(s.Accuracy, 3)}, " +
                           $"sensitivity {Format.Fixed(s.Sensitivity, 3)}, specificity {Format.Fixed(s.Specificity, 3)}.";
            yield return new Figure([new ReportImage($"tissue-{FileSafe(patient)}.png", png, $"Tissue map of patient {patient}")], caption);
        }
    }

    private static string FileSafe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
