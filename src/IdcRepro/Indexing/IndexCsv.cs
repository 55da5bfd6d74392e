using IdcRepro.Data;
using IdcRepro.Pipeline;

namespace IdcRepro.Indexing;

/// <summary>The index file: one row per patch (path, patient, x, y, label), in index order.</summary>
public static class IndexCsv
{
    public const string FileName = "index.csv";

    public static void Write(string path, IEnumerable<Patch> patches) => CsvFile.Write(path, patches);

    public static IReadOnlyList<Patch> Read(string path) =>
        CsvFile.Read<Patch>(path, (message, _) =>
            new StageException($"{message}. Rerun the stage that wrote it with --force."));
}
