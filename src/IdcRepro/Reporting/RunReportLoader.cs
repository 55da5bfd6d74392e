using System.Reflection;
using IdcRepro.Config;
using IdcRepro.Evaluation;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Sampling;
using IdcRepro.Training;

namespace IdcRepro.Reporting;

/// <summary>Gathers everything a run's report shows from the outputs of its stages (all must be complete).</summary>
public static class RunReportLoader
{
    /// <summary>Loads the run; the caller disposes the returned pixels (they map the cache).</summary>
    public static (RunReport Report, IDisposable Pixels) Load(IRunOutputs outputs)
    {
        var config = outputs.Config;
        var stages = Graph.Stages.TakeWhile(s => s != Graph.Report).ToDictionary(s => s, outputs.Output);
        var fetch = stages[Graph.Fetch];
        var index = stages[Graph.Index];
        var cache = PreprocessStage.Read(stages[Graph.Preprocess].Directory);
        var split = SplitStage.Read(stages[Graph.Split].Directory);
        var balanced = UndersampleStage.Read(stages[Graph.Undersample].Directory);
        var model = TrainStage.Read(stages[Graph.Train].Directory);
        var evaluation = EvaluateStage.Read(stages[Graph.Evaluate].Directory);
        var crossValidation = CrossValidateStage.Read(stages[Graph.CrossValidate].Directory);
        var (sets, patches, rows, result, summary) =
            (balanced.Sets, cache.Patches, evaluation.Rows, evaluation.Result, model.Summary);
        var rule = evaluation.Decision.DecisionRule;

        var trainPatients = sets.Train.Select(r => patches[r].Patient).ToHashSet(StringComparer.Ordinal);
        var testPatients = sets.Test.Select(r => patches[r].Patient).Distinct().ToList();
        var pixels = new CachedPatchPixels(cache, sets.Test);
        var cv = ReportFigures.CrossValidation(config, crossValidation.Result);
        var external = ReportFigures.External(config, evaluation, crossValidation, patches);
        var (regions, regionPixels) = RegionLoader.Load(config, cache, evaluation.AllRows, external.Rows, rule);

        var report = new RunReport
        {
            Name = config.Name,
            Description = config.Description,
            ConfigYaml = ConfigWriter.ToYaml(config),
            History = new TrainingHistory(
                model.Epochs,
                summary.BestEpoch, summary.EpochsRun, summary.StopReason == nameof(StopReason.EarlyStopped)),
            Metrics = result.Scored ? Metrics.Compute(EvaluateStage.Predictions(rows), rule) : ReportFigures.NoMetrics,
            HasTestSet = result.Scored,
            AllPatches = evaluation.AllRows.Count > rows.Count
                ? HeldOutFigures.Of(Metrics.Compute(EvaluateStage.Predictions(evaluation.AllRows), rule),
                    evaluation.AllResult.Intervals)
                : null,
            Decision = evaluation.Decision.Describe(),
            Thresholded = evaluation.Decision.Threshold is not null,
            Tta = evaluation.Decision.Tta,
            CrossValidation = cv,
            External = external.Figures,
            Regions = regions,
            Intervals = result.Intervals,
            Confidence = result.Confidence,
            Roc = result.Roc,
            PrecisionRecall = result.PrecisionRecall,
            Predictions = rows.Select((r, i) => new ScoredPatch(patches[sets.Test[i]], r.P1, r.Predicted)).ToList(),
            Patients = result.PerPatient,
            Pixels = pixels,
            Provenance = new Provenance
            {
                DatasetSha256 = fetch.Stamp.Fact<string>("dataset_sha256"),
                DatasetPatches = index.Stamp.Fact<long>("patches"),
                DatasetPatients = index.Stamp.Fact<int>("patients"),
                SplitStrategy = ConfigSchema.EnumName(config.Split.Strategy),
                SplitSeed = config.Split.Seed,
                Sets = split.Summary.Counts.Select(c =>
                    new SetCounts(c.Key, split.Summary.Patients[c.Key].Count, c.Value)).ToList(),
                TestPatientsInTraining = testPatients.Count(trainPatients.Contains),
                Undersampling = config.Undersample.Strategy == UndersampleStrategy.None ? [] : balanced.Balance
                    .Select(c => new UndersampleCounts(c.Key, c.Value.Before, c.Value.After)).ToList(),
                CodeVersion = CodeVersion.Current,
                GitCommit = Git.Commit,
                GitDirty = Git.Dirty,
                Packages = Packages(),
                Device = $"{summary.Device}; {summary.Backend}",
                Seeds = new Dictionary<string, int>
                {
                    ["split"] = config.Split.Seed, ["undersample"] = config.Undersample.Seed,
                    ["train"] = config.Train.Seed, ["bootstrap"] = config.Evaluate.BootstrapSeed,
                },
                StageSeconds = stages.Values.ToDictionary(s => s.Stamp.Stage, s => s.Stamp.Seconds),
                Choices = Choices(config, summary),
            },
        };
        return (report with { Seeds = SeedResults(outputs) }, new Disposables(pixels, regionPixels));
    }

    /// <summary>
    /// For a config with seeds and no folds, every seed's test metrics (each under its own run's rule). A k-fold's
    /// seeds are shown by the cross-validation section, pooled over each seed's folds.
    /// </summary>
    private static IReadOnlyList<SeedResult> SeedResults(IRunOutputs outputs) => outputs.Config.Seeds is not { } seeds
        || outputs.Config.FanOut().Folds is not null ? [] : outputs
        .FamilyOutputs(Graph.Evaluate)
        .Select((member, i) => EvaluateStage.Read(member.Directory) is var each && each.Result.Scored
            ? new SeedResult(seeds[i],
                Metrics.Compute(EvaluateStage.Predictions(each.Rows), each.Decision.DecisionRule))
            : null)
        .OfType<SeedResult>()
        .ToList();

    /// <summary>Several disposables as one, disposed in order.</summary>
    private sealed class Disposables(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items) item.Dispose();
        }
    }

    private static readonly GitInfo Git = GitInfo.Read(Directory.GetCurrentDirectory());

    /// <summary>Where the blog is ambiguous, what this run chose.</summary>
    private static List<string> Choices(IdcConfig config, TrainingSummary summary) =>
    [
        $"Odd-sized edge patches: {ConfigSchema.EnumName(config.Preprocess.Resize)} " +
        $"to {config.Preprocess.Size}x{config.Preprocess.Size} (the blog resized with cv2.resize, whose default is " +
        "bilinear).",
        config.Train.Normalize == Normalization.Featurewise
            ? "Featurewise centring and std normalisation fitted on the training set (the blog's ImageDataGenerator " +
                "asks for them, but it never shows the fit that Keras needs to apply them)."
            : "Pixels only scaled to [0, 1]: Keras ignores featurewise statistics unless ImageDataGenerator.fit is " +
                "called, which the blog never shows.",
        $"Rotation by up to {config.Train.Augment.RotationDegrees:0} " +
        $"degrees, {ConfigSchema.EnumName(config.Train.Augment.Interpolation)} " +
        $"interpolation, {ConfigSchema.EnumName(config.Train.Augment.Fill)} fill (Keras: order-1 interpolation, " +
        "fill_mode nearest).",
        $"Split seed {config.Split.Seed}; the blog does not give its random_state.",
        TrainingBudget(config.Train),
        summary.ValidationSet == "test"
            ? "Model selection and early stopping on the test set, as in the blog (its validation_data was the test " +
                "set)."
            : "Model selection and early stopping on a separate validation set.",
    ];

    /// <summary>The blog's epochs=80.</summary>
    private const int BlogEpochs = 80;

    private static string TrainingBudget(TrainConfig train)
    {
        var stopping = train.EarlyStopping.Patience > 0
            ? $"early stopping on {ConfigSchema.EnumName(train.EarlyStopping.Monitor)} with " +
                $"patience {train.EarlyStopping.Patience}"
            : "no early stopping";
        return train.Epochs < BlogEpochs
            ? $"At most {train.Epochs} epochs, {stopping} (the blog: up to {BlogEpochs}; when early stopping fires " +
                "is chance, and a cap keeps the run's length known)."
            : $"Up to {train.Epochs} epochs, {stopping} (the blog: {BlogEpochs}, patience 3).";
    }

    private static Dictionary<string, string> Packages() => new[]
    {
        typeof(TorchSharp.torch).Assembly, typeof(SixLabors.ImageSharp.Image).Assembly,
            typeof(YamlDotNet.Serialization.Deserializer).Assembly,
        typeof(CsvHelper.CsvReader).Assembly, typeof(Spectre.Console.AnsiConsole).Assembly,
            typeof(ReportWriter).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name == "ScottPlot").Select(Assembly.Load).FirstOrDefault() ?? typeof(ReportWriter).Assembly,
    }.ToDictionary(a => a.GetName().Name!, a =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? a.GetName().Version!.ToString());
}
