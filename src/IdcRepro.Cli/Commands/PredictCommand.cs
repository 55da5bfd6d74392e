using System.ComponentModel;
using IdcRepro.Config;
using IdcRepro.Evaluation;
using IdcRepro.Pipeline;
using IdcRepro.Torch;
using IdcRepro.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Scores a folder or zip of patches with a trained model and writes predictions.csv; when every name carries its
/// class, also metrics.json with patient-bootstrap intervals, as Evaluate does (otherwise it says which names do not).
/// The output folder's earlier predictions.csv and metrics.json are replaced as a set.
/// </summary>
public sealed class PredictCommand : Command<PredictCommand.Settings>
{
    public sealed class Settings : StageSettings
    {
        [CommandOption("-i|--input <PATH>")]
        [Description("A folder or zip of PNG patches")]
        public string Input { get; init; } = "";

        [CommandOption("-m|--model <DIR>")]
        [Description("A Train output folder (e.g. artifacts/runs/<name>/train). Default: the Train output of --config")]
        public string? Model { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("Where predictions.csv (and metrics.json) go. Default: <artifacts>/predict")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Input))
            throw new ConfigException("predict needs --input <folder or zip of PNG patches>.");
        if (!File.Exists(settings.Input) && !Directory.Exists(settings.Input))
            throw new ConfigException(
                $"predict: --input {settings.Input} is neither a zip nor a folder. Give the patches to score with " +
                "--input.");
        var config = ConfigArgument.Load(settings.Config, settings.Set);
        if (config.Train.CpuKernels == CpuKernels.Avx2) CpuNumerics.Pin();   // before libtorch loads
        var runs = RunSpec.Select(config, settings.Run);
        if (settings.Model is null && runs.Count > 1)
            throw new ConfigException(
                $"predict scores one model, and {settings.Config} trains {runs.Count} " +
                $"({RunWords.Describe(config)}: {string.Join(", ", runs.Select(r => r.Name))}): " +
                $"add --run {runs[0].Name} for one of them, or " +
                $"--model {Path.Combine(settings.Artifacts, "runs", runs[0].Name, "train")}.");
        var layout = ArtifactLayout.At(settings.Artifacts);
        var model = settings.Model
            ?? new PipelineRunner(layout, AnsiConsole.Console).Require(Graph.Train, runs[0]).Directory;
        if (!File.Exists(Path.Combine(model, "best.pt")))
            throw new StageException(
                $"predict: {model} holds no best.pt; give a Train output folder with --model (e.g. " +
                "artifacts/runs/<name>/train).");

        var decision = Decision(config, settings, layout, runs[0]);

        var runtime = TorchRuntime.EnsureLoaded();
        var modelInput = ModelDescription.Load(Path.Combine(model, ModelDescription.FileName)).InputSize;
        var decoded = PatchScoring.Decode(settings.Input, modelInput, config.Preprocess.Resize, ScoringInput.Predict);
        ScoringResult result;
        using (var predictor = Predictor.Load(model, config.Train.Compute()))
            result = PatchScoring.Score(decoded, predictor, config.Evaluate.Tta, decision.DecisionRule);
        AnsiConsole.MarkupLineInterpolated(
            $"predict: scored on {result.Device}, {runtime.Description}; decision: {decision.Describe()}");
        foreach (var skipped in result.Skipped)
            Console.Error.WriteLine($"predict: skipped {skipped.Path}: {skipped.Reason}");

        var metrics = result.Labelled
            ? EvaluationResult.Compute(EvaluateStage.Predictions(result.Rows), config.Evaluate.BootstrapResamples,
                config.Evaluate.BootstrapSeed, decision.DecisionRule)
            : null;
        // This run's files replace the folder's earlier ones as a set: never new predictions beside an old
        // metrics.json.
        var output = Path.GetFullPath(settings.Output ?? Path.Combine(layout.Root, "predict"));
        OutputFolder.Replace(output, [PredictionsCsv.FileName, EvaluationResult.FileName], folder =>
        {
            PredictionsCsv.Write(Path.Combine(folder, PredictionsCsv.FileName), result.Rows);
            metrics?.Write(Path.Combine(folder, EvaluationResult.FileName));
        });
        var written = Path.Combine(output, PredictionsCsv.FileName);
        AnsiConsole.MarkupLineInterpolated(
            $"predict: scored {result.Rows.Count:N0} patches ({result.Skipped.Count} skipped) -> {written}");
        if (metrics is not null) EvaluateStage.Print(AnsiConsole.Console, metrics);
        else Console.Error.WriteLine($"predict: {result.WhyNoMetrics()}");
        return 0;
    }

    /// <summary>
    /// How predict makes classes: argmax for evaluate.threshold fixed; for validation_balanced, the threshold the run's
    /// Evaluate chose on its validation patients (decision.json), which a bare --model folder does not carry.
    /// </summary>
    private static EvaluationDecision Decision(IdcConfig config, Settings settings, ArtifactLayout layout, RunSpec run)
    {
        if (config.Evaluate.Threshold == ThresholdRule.Fixed) return EvaluationDecision.Fixed(config.Evaluate.Tta);
        if (settings.Model is not null)
            throw new ConfigException(
                "predict: evaluate.threshold validation_balanced applies the threshold the run's Evaluate chose on " +
                "its validation patients, " +
                "and a --model folder does not carry it: leave out --model to score with the config's run (after " +
                "./build.sh --target Evaluate), or add --set evaluate.threshold=fixed.");
        var chosen = EvaluationDecision.Read(
            Path.Combine(new PipelineRunner(layout, AnsiConsole.Console).Require(Graph.Evaluate, run).Directory,
            EvaluationDecision.FileName));
        return chosen with { Tta = config.Evaluate.Tta };
    }
}
