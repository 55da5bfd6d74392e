namespace IdcRepro.Sampling;

/// <summary>
/// Patient ids per set, for strategy <c>lists</c> (e.g. the published split of Janowczyk &amp; Madabhushi 2016).
/// </summary>
public sealed record PatientLists(IReadOnlyList<string> Train, IReadOnlyList<string> Validation,
    IReadOnlyList<string> Test)
{
    /// <summary>Reads one patient id a line; blank lines and text after '#' are ignored.</summary>
    public static IReadOnlyList<string> ParseFile(string text) => text
        .Split('\n')
        .Select(line => (line.IndexOf('#') is var hash and >= 0 ? line[..hash] : line).Trim())
        .Where(line => line.Length > 0)
        .ToList();
}
