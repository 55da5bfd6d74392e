namespace IdcRepro.Reporting;

/// <summary>Writes the variant comparison: <c>compare.html</c> (self-contained) and <c>compare.md</c> with its images in <c>compare_files/</c>.</summary>
public static class CompareWriter
{
    public const string Name = "compare";

    public static ReportFiles Write(string directory, IReadOnlyList<CompareVariant> variants) =>
        DocumentWriter.Write(directory, Name, ComparePage.Build(variants));
}
