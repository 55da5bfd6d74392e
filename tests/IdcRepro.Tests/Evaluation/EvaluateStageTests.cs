using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Evaluation;
using IdcRepro.Preprocess;
using IdcRepro.Sampling;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;
using IdcRepro.Torch;
using IdcRepro.Training;

namespace IdcRepro.Tests.Evaluation;

/// <summary>
/// Evaluate through its shell: every patch of the test patients, the decision rule, test-time augmentation, external
/// sets.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class EvaluateStageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private TestRun Patient(params string[] sets) =>
        new(TestRuns.PatientSyntheticConfig(_temp, strategy: "patient"), _temp.Path, sets);

    [Fact]
    public void Evaluate_scores_every_patch_of_the_test_patients_beside_the_undersampled_test_set()
    {
        var run = Patient();
        run.Through(Graph.Evaluate);
        var split = run.Read(Graph.Split, SplitStage.Read);
        var cache = run.Read(Graph.Preprocess, PreprocessStage.Read);
        var output = run.Read(Graph.Evaluate, EvaluateStage.Read);

        // All: the Split's test rows, every one of them; the undersampled rows are a balanced subset of them.
        Assert.Equal(split.Sets.Test.Select(r => cache.Patches[r].Path), output.AllRows.Select(r => r.Path));
        Assert.Equal(split.Sets.Test.Count, output.AllResult.TestPatches);
        Assert.True(output.Rows.Count < output.AllRows.Count);
        Assert.Equal(output.Rows.Count(r => r.Label == 0), output.Rows.Count(r => r.Label == 1));
        var all = output.AllRows.ToDictionary(r => r.Path);
        Assert.All(output.Rows, r => Assert.Equal(all[r.Path].P1, r.P1, 6));
        var patients = cache.Patches.Where(p => split.Summary.Patients["test"].Contains(p.Patient)).ToList();
        Assert.Equal(patients.Count, output.AllRows.Count); // every patch of every test patient, none of anyone else

        // fixed: argmax, as before; the metrics are those of the rows.
        Assert.Null(output.Decision.Threshold);
        Assert.All(output.AllRows, r => Assert.Equal(r.P1 > r.P0 ? 1 : 0, r.Predicted));
        Assert.Equal(Metrics.Compute(EvaluateStage.Predictions(output.AllRows)).BalancedAccuracy,
            output.AllResult.Metrics[MetricNames.BalancedAccuracy]);
        Assert.Empty(output.External);
    }

    [Fact]
    public void A_threshold_chosen_on_validation_patients_decides_the_test_and_external_figures_and_predicted_column()
    {
        var external = TestRuns.ExternalSyntheticZip(_temp);
        var run = Patient("evaluate.threshold=validation_balanced", $"evaluate.external=[{external}]");
        run.Through(Graph.Evaluate);
        var output = run.Read(Graph.Evaluate, EvaluateStage.Read);
        var split = run.Read(Graph.Split, SplitStage.Read);

        var decision = output.Decision;
        Assert.Equal("validation_balanced", decision.Rule);
        var threshold = Assert.IsType<double>(decision.Threshold);
        Assert.Equal(split.Sets.Validation.Count, decision.ValidationPatches);
        Assert.Equal(split.Summary.Patients["validation"].Count, decision.ValidationPatients);

        var rule = DecisionRule.AtThreshold(threshold);
        Assert.All(output.AllRows, r => Assert.Equal(r.P1 > threshold ? 1 : 0, r.Predicted));
        Assert.All(output.ExternalRows, r => Assert.Equal(r.P1 > threshold ? 1 : 0, r.Predicted));
        var expected = Metrics.Compute(EvaluateStage.Predictions(output.Rows), rule);
        Assert.Equal(expected.Confusion.ToRows(), output.Result.ConfusionMatrix);
        Assert.Equal(Metrics.Compute(EvaluateStage.Predictions(output.AllRows), rule).Confusion.ToRows(),
            output.AllResult.ConfusionMatrix);
        Assert.Equal(
            Metrics.Compute(EvaluateStage.Predictions(output.ExternalRows.Select(ExternalPredictionRow.ToPrediction)),
                rule).Confusion.ToRows(),
            output.External.Single().Metrics.ConfusionMatrix);
        // ROC AUC does not depend on the rule: the same as the fixed rule's.
        var fixedRun = Patient($"evaluate.external=[{external}]");
        Assert.Equal(["Evaluate"], fixedRun.Through(Graph.Evaluate)); // only Evaluate reruns for another threshold rule
        Assert.Equal(fixedRun.Read(Graph.Evaluate, EvaluateStage.Read).AllResult.Metrics[MetricNames.RocAuc],
            output.AllResult.Metrics[MetricNames.RocAuc]);
    }

    [Fact]
    public void Test_time_augmentation_scores_each_patch_as_the_mean_of_its_eight_views()
    {
        var plain = Patient();
        plain.Through(Graph.Evaluate);
        var tta = Patient("evaluate.tta=true");
        Assert.Equal(["Evaluate"], tta.Through(Graph.Evaluate));
        var withViews = tta.Read(Graph.Evaluate, EvaluateStage.Read);
        Assert.True(withViews.Decision.Tta);
        Assert.NotEqual(plain.Read(Graph.Evaluate, EvaluateStage.Read).AllRows.Select(r => r.P1),
            withViews.AllRows.Select(r => r.P1));

        // The same figures as the predictor's own 8-view mean over the test rows.
        var cache = tta.Read(Graph.Preprocess, PreprocessStage.Read);
        var rows = tta.Read(Graph.Split, SplitStage.Read).Sets.Test;
        TorchRuntime.EnsureLoaded();
        using var predictor = Predictor.Load(tta.Folder(Graph.Train), new ComputeSettings(DeviceChoice.Auto, 2));
        var expected = predictor.Score(CachedPatches.Gather(cache, rows), testTimeAugmentation: true);
        Assert.Equal(expected.Select(p => (double)p.P1), withViews.AllRows.Select(r => r.P1));
    }

    [Fact]
    public void An_external_set_of_other_synthetic_patients_is_scored_patch_by_patch_without_undersampling()
    {
        var external = TestRuns.ExternalSyntheticZip(_temp, "other-patients");
        var run = Patient($"evaluate.external=[{external}]");
        run.Through(Graph.Evaluate);
        var output = run.Read(Graph.Evaluate, EvaluateStage.Read);

        using var zip = ZipFile.OpenRead(external);
        var result = Assert.Single(output.External);
        Assert.Equal("other-patients", result.Set);
        Assert.Equal(zip.Entries.Count, output.ExternalRows.Count);
        Assert.Equal(zip.Entries.Count, result.Metrics.TestPatches);
        Assert.Equal(3, result.Metrics.TestPatients);
        Assert.Equal(3, result.Metrics.PerPatient.Count);
        Assert.Empty(result.PatientsInTraining);
        Assert.NotEmpty(result.Metrics.Intervals);
        Assert.Equal(IdcRepro.Pipeline.Hashing.FileSha256(external), result.Sha256);

        // The set's content is in Evaluate's key: other bytes under the same name rerun Evaluate (and nothing before
        // it).
        TestRuns.ExternalSyntheticZip(_temp, "other-patients", seed: 12);
        Assert.Equal(["Evaluate"], Patient($"evaluate.external=[{external}]").Through(Graph.Evaluate));
    }

    [Fact]
    public void With_test_fraction_0_Evaluate_scores_the_external_sets_only_and_says_so()
    {
        var external = TestRuns.ExternalSyntheticZip(_temp);
        var run = Patient("split.test_fraction=0", $"evaluate.external=[{external}]");
        run.Through(Graph.Report);
        var output = run.Read(Graph.Evaluate, EvaluateStage.Read);

        Assert.Empty(output.Rows);
        Assert.Empty(output.AllRows);
        Assert.False(output.Result.Scored);
        Assert.Empty(output.Result.Metrics);
        Assert.NotEmpty(output.ExternalRows);
        Assert.Contains("only the evaluate.external sets are scored", run.Output);

        // The report says there is no test set, and shows the external set with a whole-region map of each of its
        // patients.
        var markdown = File.ReadAllText(Path.Combine(run.Folder(Graph.Report), "report.md"));
        Assert.Contains(@"**no test set (split.test\_fraction 0)", markdown);
        Assert.Contains("This run has no test set", markdown);
        Assert.Contains("## External test sets", markdown);
        Assert.Contains("scored by this run's model", markdown);
        Assert.Equal(3,
            Directory.GetFiles(Path.Combine(run.Folder(Graph.Report), "report_files"), "tissue-other-*.png").Length);

        var bare = Patient("split.test_fraction=0");
        bare.Through(Graph.Evaluate);
        Assert.Contains("nothing to score", bare.Output);
    }
}
