namespace IdcRepro.Reporting;

/// <summary>
/// Writes the variant comparison: <c>compare.html</c> (self-contained) and <c>compare.md</c> with its images in
/// <c>compare_files/</c>.
/// </summary>
public static class CompareWriter
{
    public const string Name = "compare";

    /// <param name="repositoryRoot">Config paths on the page are shown relative to it (see
    /// <see cref="ComparePage.Build"/>).</param>
    public static ReportFiles Write(string directory, IReadOnlyList<CompareVariant> variants, string? repositoryRoot =
        null) =>
        DocumentWriter.Write(directory, Name, ComparePage.Build(variants, repositoryRoot));
}
