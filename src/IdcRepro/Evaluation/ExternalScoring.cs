using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Training;
using Spectre.Console;

namespace IdcRepro.Evaluation;

/// <summary>
/// Evaluate's external test sets (<c>evaluate.external</c>): each zip or folder decoded as <c>idc predict</c> decodes
/// its input (<see cref="PatchScoring"/>), every patch scored with the run's model (no undersampling), decided by the
/// run's rule, and its metrics computed with patient-bootstrap intervals. Writes external.csv and external.json (both
/// empty without external sets).
/// </summary>
internal static class ExternalScoring
{
    /// <param name="seen">The patients of the run's training and validation sets (an external patient among them is
    /// reported).</param>
    public static IReadOnlyList<ExternalResult> Score(StageRun run, EvaluateSection section, Predictor predictor,
        DecisionRule rule, IReadOnlySet<string> seen)
    {
        var settings = section.Evaluate;
        var results = new List<ExternalResult>();
        var rows = new List<ExternalPredictionRow>();
        for (var i = 0; i < settings.External.Count; i++)
        {
            var path = settings.External[i];
            var name = EvaluateConfig.ExternalName(path);
            var setting = $"evaluate.external[{i}]";
            run.Console.MarkupLineInterpolated(
                $"Evaluate: external set {name}: decoding and scoring every patch of {path}");
            var decoded = PatchScoring.Decode(path, predictor.Description.InputSize, section.Resize,
                new ScoringInput("Evaluate", setting));
            var scored = PatchScoring.Score(decoded, predictor, settings.Tta, rule);
            if (scored.WhyNoMetrics() is { } why)
                throw new StageException(
                    $"Evaluate: {setting} {path}: {why.Replace("no metrics.json: ", "", StringComparison.Ordinal)} " +
                    "An external test set needs labelled names; score unlabelled patches with idc predict.");
            foreach (var skipped in decoded.Skipped)
                run.Console.MarkupLineInterpolated(
                    $"[yellow]Evaluate: {setting}: skipped {skipped.Path}: {skipped.Reason}[/]");

            var predictions = EvaluateStage.Predictions(scored.Rows);
            var shared = predictions.Select(p => p.Patient).Distinct(StringComparer.Ordinal).Where(seen.Contains)
                .Order(StringComparer.Ordinal).ToList();
            if (shared.Count > 0)
            {
                var patients = string.Join(", ", shared);
                run.Console.MarkupLine(
                    $"[yellow]Evaluate: external set {Markup.Escape(name)} shares {shared.Count} patient(s) with " +
                    $"this run's training or validation set ({Markup.Escape(patients)}): its figures are not those " +
                    "of new patients.[/]");
            }
            var sha = File.Exists(path) ? run.Hashes.File(path)! : run.Hashes.Folder(path);
            results.Add(new ExternalResult(name, path, sha, decoded.Skipped, shared,
                EvaluationResult.Compute(predictions, settings.BootstrapResamples, settings.BootstrapSeed, rule)));
            rows.AddRange(scored.Rows.Select(r => ExternalPredictionRow.Of(name, r)));
        }
        ExternalFiles.Write(run.Work, results, rows);
        return results;
    }
}
