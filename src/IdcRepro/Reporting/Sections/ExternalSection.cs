using IdcRepro.Reporting.Pages;

namespace IdcRepro.Reporting.Sections;

/// <summary>
/// Each external test set: every patch scored, metrics with intervals (each fold model's beside the mean of them), per
/// patient.
/// </summary>
internal static class ExternalSection
{
    public static IEnumerable<Block> Blocks(RunReport report)
    {
        if (report.External.Count == 0) yield break;
        var confidence = Format.Percent(report.Confidence, 0);
        yield return new Heading(2, "External test sets", "external");
        yield return new Paragraph(
            "Patients from outside the dataset (evaluate.external), every patch scored, none undersampled: " +
                                   "the figures closest to what the model would do for a new patient.");
        foreach (var set in report.External)
        {
            var f = set.Figures;
            yield return new Heading(3, $"External set {set.Set}",
                "external-" + new string(set.Set.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()));
            yield return new Paragraph(
                $"{Format.Count(f.Patches)} patches of {Format.Count(f.Patients)} patients, scored by {set.Model}.");
            if (set.SharedPatients.Count > 0)
                yield return new Paragraph(
                    $"{set.SharedPatients.Count} of these patients ({string.Join(", ", set.SharedPatients)}) are " +
                    "also in the training data, so these figures are not those of new patients.", Tone.Fails);

            var header = new List<string> { "Metric", $"Value ({confidence} interval)" };
            header.AddRange(set.PerFold.Select(p => p.Run));
            var rows = f.Metrics.Keys.Select(metric =>
            {
                var row = new List<string> { MetricLabels.Of(metric), MetricText.WithInterval(f, metric) };
                row.AddRange(set.PerFold.Select(p => Format.Fixed(p.Metrics.GetValueOrDefault(metric), 4)));
                return (IReadOnlyList<string>)row;
            }).ToList();
            yield return Table.WithNumbers(header, rows, set.PerFold.Count == 0
                ? $"Intervals resample the set's patients ({confidence})."
                : $"The mean of the fold models with {confidence} patient-bootstrap intervals, and each fold model " +
                    "on its own.");

            var patients = set.PerPatient.Select(p => (IReadOnlyList<string>)
            [
                p.Patient, Format.Count(p.Patches), Format.Count(p.Positives), Format.Fixed(p.Accuracy, 3),
                Format.Fixed(p.Sensitivity, 3), Format.Fixed(p.Specificity, 3), Format.Fixed(p.MeanP1, 3),
            ]).ToList();
            yield return Table.WithNumbers(
                ["Patient", "Patches", "IDC patches", "Accuracy", "Sensitivity", "Specificity", "Mean P1"], patients,
                "Per patient of the external set; n/a: the patient has no patch of that class.");
        }
    }
}
