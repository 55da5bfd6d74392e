using System.Text.Json;
using IdcRepro.Pipeline;

namespace IdcRepro.Evaluation;

/// <summary>
/// One external test set as Evaluate (one model) or CrossValidate (the mean of the folds' models) scored it: its name,
/// where it was read and its content hash, the files left out (unreadable PNGs), the patients it shares with the run's
/// training set (a leak: they should be none), and its metrics over every patch, with patient-bootstrap intervals and
/// per-patient figures.
/// </summary>
public sealed record ExternalResult(
    string Set,
    string Path,
    string Sha256,
    IReadOnlyList<UnscoredPatch> Skipped,
    IReadOnlyList<string> PatientsInTraining,
    EvaluationResult Metrics);

/// <summary>
/// external.json (a list of <see cref="ExternalResult"/>, one per <c>evaluate.external</c> set, in config order) and
/// external.csv (every scored patch).
/// </summary>
public static class ExternalFiles
{
    public const string ResultsFile = "external.json";
    public const string PredictionsFile = "external.csv";

    public static void Write(string directory, IReadOnlyList<ExternalResult> results,
        IEnumerable<ExternalPredictionRow> rows)
    {
        CsvFile.Write(System.IO.Path.Combine(directory, PredictionsFile), rows);
        AtomicFile.WriteAllText(System.IO.Path.Combine(directory, ResultsFile),
            JsonSerializer.Serialize(results, EvaluationResult.Json));
    }

    public static IReadOnlyList<ExternalResult> ReadResults(string directory)
    {
        var path = System.IO.Path.Combine(directory, ResultsFile);
        try
        {
            return JsonSerializer.Deserialize<List<ExternalResult>>(File.ReadAllText(path), EvaluationResult.Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new StageException(
                $"{path}: not a valid external results file ({e.Message}). Rerun the stage that wrote it with " +
                "--force.");
        }
    }

    public static IReadOnlyList<ExternalPredictionRow> ReadPredictions(string directory)
    {
        var path = System.IO.Path.Combine(directory, PredictionsFile);
        return CsvFile.Read<ExternalPredictionRow>(path, (message, _) =>
            new StageException($"{message}. Rerun the stage that wrote it with --force."));
    }
}
