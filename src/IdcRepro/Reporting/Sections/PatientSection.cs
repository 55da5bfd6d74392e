using IdcRepro.Reporting.Pages;

namespace IdcRepro.Reporting.Sections;

/// <summary>How the model did on each test patient.</summary>
internal static class PatientSection
{
    public static IEnumerable<Block> Blocks(RunReport report)
    {
        yield return new Heading(2, "Per patient", "patients");
        if (!report.HasTestSet)
        {
            yield return new Paragraph(SplitWords.NoTestSet, Tone.Note);
            yield break;
        }
        var rows = report.Patients.Select(p => (IReadOnlyList<string>)
        [
            p.Patient, Format.Count(p.Patches), Format.Count(p.Positives), Format.Fixed(p.Accuracy, 3),
            Format.Fixed(p.Sensitivity, 3), Format.Fixed(p.Specificity, 3), Format.Fixed(p.MeanP1, 3),
        ]).ToList();
        yield return Table.WithNumbers(
            ["Patient", "Test patches", "IDC patches", "Accuracy", "Sensitivity", "Specificity", "Mean P1"], rows,
            "n/a: the patient has no patch of that class. A few patients with many patches can carry the overall " +
            "numbers.");
    }
}
