using IdcRepro.Config;
using IdcRepro.Data;

namespace IdcRepro.Indexing;

/// <summary>The result of indexing: the patches in their fixed order, and what was left out and why.</summary>
public sealed record PatchIndexResult(
    IReadOnlyList<Patch> Patches,
    IReadOnlyList<IndexIssue> Issues,
    int ExactDuplicatesDropped,
    int OtherFilesIgnored,
    int PatchesBeforeFirst);

/// <summary>
/// Index's pure core: from the dataset's file list to the sorted patch list. Order is by patient (as text),
/// class, y, x, like a sorted walk of the archive's folders, and never depends on the listing order.
/// </summary>
public static class PatchIndex
{
    /// <param name="entries">Every file of the dataset, in any order.</param>
    /// <param name="config">The index section.</param>
    /// <param name="sameContent">Decides whether two same-named entries are exact copies (called only for name
    /// collisions).</param>
    public static PatchIndexResult Build(IEnumerable<DatasetEntry> entries, IndexConfig config,
        Func<DatasetEntry, DatasetEntry, bool> sameContent)
    {
        var issues = new List<IndexIssue>();
        var candidates = new List<(Patch Patch, DatasetEntry Entry)>();
        var otherFiles = 0;
        foreach (var entry in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (entry.Path.EndsWith('/') || !entry.Path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                if (!entry.Path.EndsWith('/')) otherFiles++;
                continue;
            }
            var (patch, problem) = PatchName.Parse(entry.Path);
            switch (problem)
            {
                case IndexIssueKind.MalformedName:
                    issues.Add(
                        new IndexIssue(IndexIssueKind.MalformedName, entry.Path,
                        "name is not <patient>_idx5_x<X>_y<Y>_class<0|1>.png"));
                    break;
                case IndexIssueKind.FolderMismatch:
                    issues.Add(
                        new IndexIssue(IndexIssueKind.FolderMismatch, entry.Path,
                        $"expected to lie in folder {patch!.Patient}/{patch.Label}/"));
                    break;
                default:
                    candidates.Add((patch!, entry));
                    break;
            }
        }

        var duplicates = 0;
        var kept = new List<Patch>(candidates.Count);
        foreach (var group in candidates.GroupBy(c => FileName(c.Entry.Path), StringComparer.Ordinal))
        {
            var (first, firstEntry) = group.First();
            kept.Add(first);
            foreach (var (other, otherEntry) in group.Skip(1))
            {
                if (otherEntry.Length == firstEntry.Length && sameContent(firstEntry, otherEntry)) duplicates++;
                else
                    issues.Add(
                        new IndexIssue(IndexIssueKind.ConflictingCopy, other.Path,
                        $"same name as {first.Path} but different content"));
            }
        }

        var ordered = kept
            .OrderBy(p => p.Patient, StringComparer.Ordinal)
            .ThenBy(p => p.Label)
            .ThenBy(p => p.Y)
            .ThenBy(p => p.X)
            .ToList();
        var total = ordered.Count;
        if (config.First is { } first2 && first2 < ordered.Count) ordered = ordered.GetRange(0, first2);

        if (config.OnInvalid == InvalidEntryPolicy.Fail && issues.Count > 0) throw new IndexInvalidException(issues);
        return new PatchIndexResult(ordered, issues, duplicates, otherFiles, total);
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
