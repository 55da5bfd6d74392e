using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Pipeline;

namespace IdcRepro.Sampling;

/// <summary>What a split holds, per set: class counts, patients and a hash of its row list (split.json).</summary>
public sealed record SplitSummary(
    IReadOnlyDictionary<string, ClassCounts> Counts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Patients,
    IReadOnlyDictionary<string, string> RowsSha256,
    IReadOnlyList<string> Notes)
{
    public static SplitSummary Describe(SplitOutcome outcome, IReadOnlyList<Patch> patches)
    {
        string Name(DataSet set) => set.ToString().ToLowerInvariant();
        var sets = SplitResult.Sets;
        return new SplitSummary(
            sets.ToDictionary(Name, s =>
                new ClassCounts(outcome.Result[s].Count(r => patches[r].Label == 0),
                outcome.Result[s].Count(r => patches[r].Label == 1))),
            sets.ToDictionary(Name, s =>
                (IReadOnlyList<string>)outcome.Result[s].Select(r => patches[r].Patient).Distinct()
                .Order(StringComparer.Ordinal).ToList()),
            sets.ToDictionary(Name, s => Hashing.Sha256Hex(string.Join(",", outcome.Result[s]))),
            outcome.Notes);
    }

    public string Describe() => string.Join("; ", Counts.Select(c =>
        $"{c.Key} {c.Value.Total:N0} ({c.Value.Class0:N0} / {c.Value.Class1:N0}, {Patients[c.Key].Count} patients)"));
}
