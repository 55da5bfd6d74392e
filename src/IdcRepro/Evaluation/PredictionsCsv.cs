using IdcRepro.Pipeline;

namespace IdcRepro.Evaluation;

/// <summary>predictions.csv: one row per scored patch.</summary>
public static class PredictionsCsv
{
    public const string FileName = "predictions.csv";

    public static void Write(string path, IEnumerable<PredictionRow> rows) => CsvFile.Write(path, rows);

    public static IReadOnlyList<PredictionRow> Read(string path) =>
        CsvFile.Read<PredictionRow>(path, (message, _) =>
            new StageException($"{message}. Rerun Evaluate with --force."));
}
