using System.Globalization;
using IdcRepro.Reporting.Pages;
using IdcRepro.Sampling;

namespace IdcRepro.Reporting.Sections;

/// <summary>
/// Where the numbers come from: data, split, undersampling, code, machine, seeds, times, choices, config.
/// </summary>
internal static class ProvenanceSection
{
    public static IEnumerable<Block> Blocks(RunReport report)
    {
        var p = report.Provenance;
        yield return new Heading(2, "Provenance", "provenance");
        var rows = new List<IReadOnlyList<string>>
        {
            Row("Dataset SHA-256", p.DatasetSha256),
            Row("Dataset", $"{Format.Count(p.DatasetPatches)} patches of {Format.Count(p.DatasetPatients)} patients"),
            Row("Split", $"{SplitWords.Strategy(p.SplitStrategy)} (strategy {p.SplitStrategy}, seed {p.SplitSeed})"),
        };
        rows.AddRange(p.Sets.Select(s => Row($"Split: {s.Set}",
            $"{Format.Count(s.Patients)} patients; {Format.Count(s.Patches.Total)} patches: {Counts(s.Patches)}")));
        if (p.TestPatientsInTraining is { } shared)
            rows.Add(Row("Test patients also in training", Format.Count(shared)));
        rows.AddRange(p.Undersampling.Count == 0
            ? [Row("Undersampling", "none")]
            : p.Undersampling.Select(u => Row($"Undersampling: {u.Set}", $"{Counts(u.Before)} → {Counts(u.After)}")));
        if (report.Thresholded || report.Tta) rows.Add(Row("Decision", report.Decision));
        rows.Add(Row("Code version", p.CodeVersion));
        rows.Add(Row("Git commit", p.GitDirty ? $"{p.GitCommit} (dirty: uncommitted changes)" : p.GitCommit));
        rows.Add(Row("Device", p.Device));
        rows.AddRange(p.Packages.Select(kv => Row($"Package: {kv.Key}", kv.Value)));
        rows.AddRange(p.Seeds.Select(kv => Row($"Seed: {kv.Key}", kv.Value.ToString(CultureInfo.InvariantCulture))));
        rows.AddRange(p.StageSeconds.Select(kv => Row($"Time: {kv.Key}", Format.Seconds(kv.Value))));
        yield return new Table(["Field", "Value"], rows, [false, false]);

        yield return new Heading(3, "Choices where the blog is ambiguous", "choices");
        yield return p.Choices.Count == 0
            ? new Paragraph("None recorded.")
            : new BulletList(p.Choices);

        yield return new Heading(3, "Resolved config", "config");
        yield return new Preformatted(report.ConfigYaml);
    }

    private static string Counts(ClassCounts c) => $"{Format.Count(c.Class0)} non-IDC + {Format.Count(c.Class1)} IDC";

    private static IReadOnlyList<string> Row(string field, string value) => [field, value];
}
