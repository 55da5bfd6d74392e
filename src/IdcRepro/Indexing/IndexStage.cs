using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Fetch;
using IdcRepro.Pipeline;
using Spectre.Console;

namespace IdcRepro.Indexing;

/// <summary>Index: lists the dataset, parses every name, drops exact duplicates and writes the sorted index.</summary>
public static class IndexStage
{
    /// <summary>The index an Index output holds (index.csv), in its sorted order.</summary>
    public static IReadOnlyList<Patch> Read(string directory) =>
        IndexCsv.Read(Path.Combine(directory, IndexCsv.FileName));

    public static StageProducts Produce(StageRun run)
    {
        var dataset = run.Input(Graph.Fetch, FetchStage.Read);
        PatchIndexResult result;
        try
        {
            result = PatchIndex.Build(List(dataset), run.Section<IndexConfig>(), (a, b) => SameContent(dataset, a, b));
        }
        catch (IndexInvalidException e)
        {
            throw new StageException(
                $"Index: {dataset.Path} has {e.Issues.Count} entr{(e.Issues.Count == 1 ? "y" : "ies")} that cannot " +
                $"be used:\n{e.Message}\n" +
                "Fix the dataset, or set index.on_invalid: skip to leave them out.");
        }
        if (result.Issues.Count > 0)
        {
            var issues = IndexInvalidException.Describe(result.Issues);
            run.Console.MarkupLineInterpolated(
                $"[yellow]Index: skipped {result.Issues.Count} entries (index.on_invalid: skip):[/]\n{issues}");
        }
        if (result.ExactDuplicatesDropped > 0)
            run.Console.MarkupLineInterpolated(
                $"Index: dropped {result.ExactDuplicatesDropped:N0} exact duplicate copies");
        if (result.Patches.Count == 0)
            throw new StageException(
                $"Index: {dataset.Path} holds no patches named <patient>_idx5_x<X>_y<Y>_class<C>.png. Check " +
                "data.path / data.url.");

        IndexCsv.Write(Path.Combine(run.Work, IndexCsv.FileName), result.Patches);
        var facts = Summarize(result);
        var classes = $"{facts["class0"]:N0} class 0, {facts["class1"]:N0} class 1";
        run.Console.MarkupLineInterpolated(
            $"Index: {result.Patches.Count:N0} patches, {facts["patients"]} patients, {classes}");
        return new StageProducts(facts);
    }

    private static Dictionary<string, object> Summarize(PatchIndexResult result) => new()
    {
        ["patches"] = result.Patches.Count,
        ["patients"] = result.Patches.Select(p => p.Patient).Distinct().Count(),
        ["class0"] = result.Patches.Count(p => p.Label == 0),
        ["class1"] = result.Patches.Count(p => p.Label == 1),
        ["patches_before_first"] = result.PatchesBeforeFirst,
        ["exact_duplicates_dropped"] = result.ExactDuplicatesDropped,
        ["invalid_skipped"] = result.Issues.Count,
        ["other_files_ignored"] = result.OtherFilesIgnored,
    };

    private static IEnumerable<DatasetEntry> List(DatasetLocation dataset)
    {
        if (dataset.Kind == DatasetKind.Zip)
        {
            using var zip = ZipFile.OpenRead(dataset.Path);
            return zip.Entries.Select(e => new DatasetEntry(e.FullName, e.Length, e.Crc32)).ToList();
        }
        return Directory.EnumerateFiles(dataset.Path, "*", SearchOption.AllDirectories)
            .Select(f =>
                new DatasetEntry(Path.GetRelativePath(dataset.Path, f).Replace('\\', '/'), new FileInfo(f).Length))
            .ToList();
    }

    private static bool SameContent(DatasetLocation dataset, DatasetEntry a, DatasetEntry b)
    {
        if (a.Crc32 is { } ca && b.Crc32 is { } cb) return ca == cb;
        return Hashing.FileSha256(Path.Combine(dataset.Path, a.Path)) == Hashing.FileSha256(
            Path.Combine(dataset.Path, b.Path));
    }
}
