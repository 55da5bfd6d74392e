using IdcRepro.Evaluation;
using IdcRepro.Preprocess;
using IdcRepro.Reporting;
using IdcRepro.Sampling;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;

namespace IdcRepro.Tests.Evaluation;

/// <summary>
/// Cross-validation by patient through the stages: the fan-out's folds, and CrossValidate's combination of them.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class CrossValidateStageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private TestRun KFold(params string[] sets) => new(TestRuns.PatientSyntheticConfig(_temp), _temp.Path, sets);

    [Fact]
    public void In_the_fan_out_each_patient_is_tested_in_exactly_one_fold_and_no_fold_shares_a_patient_between_sets()
    {
        var run = KFold();
        Assert.Equal(["pt-fold0", "pt-fold1", "pt-fold2"], run.Runs.Select(r => r.Name));
        run.ThroughAll(Graph.Split);
        var patients = run.Read(Graph.Preprocess, PreprocessStage.Read).Patches.Select(p => p.Patient).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(8, patients.Count);

        var tested = new List<string>();
        foreach (var each in run.Runs)
        {
            var sets = SplitStage.Read(run.Folder(Graph.Split, each)).Summary.Patients;
            var (train, validation, test) = (sets["train"], sets["validation"], sets["test"]);
            Assert.Empty(train.Intersect(validation));
            Assert.Empty(train.Intersect(test));
            Assert.Empty(validation.Intersect(test));
            Assert.Equal(patients, train.Concat(validation).Concat(test).Order(StringComparer.Ordinal));
            Assert.NotEmpty(validation);
            tested.AddRange(test);
        }
        Assert.Equal(patients, tested.Order(StringComparer.Ordinal)); // each patient once
        // The folds share every data stage before Split.
        Assert.Single(run.Runs.Select(r => run.Folder(Graph.Preprocess, r)).Distinct());
    }

    [Fact]
    public void Pooled_out_of_fold_metrics_concatenate_folds_predictions_and_external_sets_get_the_fold_models_mean()
    {
        var external = TestRuns.ExternalSyntheticZip(_temp);
        var run = KFold($"evaluate.external=[{external}]");
        var ran = run.ThroughAll(Graph.CrossValidate);
        Assert.Contains("CrossValidate", ran[0]);
        Assert.DoesNotContain("CrossValidate", ran[1]); // one output for the whole family
        Assert.Single(run.Runs.Select(r => run.Folder(Graph.CrossValidate, r)).Distinct());

        var folds = run.Runs.Select(r => EvaluateStage.Read(run.Folder(Graph.Evaluate, r))).ToList();
        var result = run.Read(Graph.CrossValidate, CrossValidateStage.Read);
        var cv = result.Result;
        Assert.True(cv.CrossValidated);
        Assert.Equal(["pt-fold0", "pt-fold1", "pt-fold2"], cv.Runs.Select(r => r.Run));
        var pooled = Assert.Single(cv.Pooled);
        Assert.Null(pooled.Seed);

        // Every patch of every test patient, pooled: exactly Metrics.Compute of the concatenation (argmax for every
        // fold).
        var all = folds.SelectMany(f => EvaluateStage.Predictions(f.AllRows)).ToList();
        Assert.Equal(Metrics.Compute(all).Named().ToDictionary(m => m.Key, m => m.Value), pooled.All.Metrics);
        Assert.Equal(all.Count, pooled.All.Patches);
        Assert.Equal(8, pooled.All.Patients);
        Assert.Equal(PatientBootstrap.Intervals(all, 50, 42), pooled.All.Intervals);
        var undersampled = folds.SelectMany(f => EvaluateStage.Predictions(f.Rows)).ToList();
        Assert.Equal(Metrics.Compute(undersampled).Named().ToDictionary(m => m.Key, m => m.Value),
            pooled.Undersampled.Metrics);
        Assert.True(pooled.Undersampled.Patches < pooled.All.Patches);

        // Each fold's row is that fold's own figures; the spread is their mean and sd.
        for (var f = 0; f < 3; f++)
            Assert.Equal(folds[f].AllResult.Metrics[MetricNames.BalancedAccuracy],
                cv.Runs[f].All.Metrics[MetricNames.BalancedAccuracy]);
        var spread = pooled.All.FoldSpread.Single(s => s.Metric == MetricNames.BalancedAccuracy);
        Assert.Equal(cv.Runs.Average(r => r.All.Metrics[MetricNames.BalancedAccuracy]!.Value), spread.Mean, 12);

        // The external set by the mean of the three fold models: P1 averaged patch by patch.
        var ensemble = Assert.Single(cv.External);
        Assert.Equal("other", ensemble.Set);
        Assert.Equal(3, ensemble.Folds.Count);
        var byFold = folds.Select(f => f.ExternalRows.ToDictionary(r => r.Path)).ToList();
        Assert.All(result.Ensemble, r => Assert.Equal(byFold.Average(f => f[r.Path].P1), r.P1, 12));
        Assert.Equal(byFold[0].Count, ensemble.Metrics.TestPatches);
    }

    [Fact]
    [Trait(Tier.Name, Tier.Long)]
    public void Seeds_times_folds_pool_each_seeds_folds_and_give_mean_and_sd_over_seeds_which_share_the_same_folds()
    {
        var run = KFold("seeds=[1, 2]");
        Assert.Equal(["pt-fold0-seed1", "pt-fold0-seed2", "pt-fold1-seed1", "pt-fold1-seed2", "pt-fold2-seed1",
            "pt-fold2-seed2"], run.Runs.Select(r => r.Name));
        run.ThroughAll(Graph.CrossValidate);
        var cv = run.Read(Graph.CrossValidate, CrossValidateStage.Read).Result;

        Assert.Equal([1, 2], cv.Pooled.Select(p => p.Seed));
        Assert.Equal([(0, 1), (0, 2), (1, 1), (1, 2), (2, 1), (2, 2)], cv.Runs.Select(r => (r.Fold, r.Seed!.Value)));
        // The folds are the Split's, which the seeds share: fold f tests the same patients under every seed.
        for (var f = 0; f < 3; f++) Assert.Equal(cv.Runs[2 * f].TestPatients, cv.Runs[2 * f + 1].TestPatients);
        var overSeeds = cv.PooledOverSeeds.Single(s => s.Metric == MetricNames.RocAuc);
        Assert.Equal(cv.Pooled.Average(p => p.All.Metrics[MetricNames.RocAuc]!.Value), overSeeds.Mean, 12);
        Assert.Equal(2, overSeeds.Folds);
        Assert.NotNull(overSeeds.StandardDeviation);
    }

    [Fact]
    public void A_folds_report_shows_the_pooled_figures_and_whole_region_maps_of_every_patch_of_its_held_out_patients()
    {
        var external = TestRuns.ExternalSyntheticZip(_temp);
        var run = KFold($"evaluate.external=[{external}]");
        run.ThroughAll(Graph.CrossValidate);
        run.Stage(Graph.Report);
        var cv = run.Read(Graph.CrossValidate, CrossValidateStage.Read).Result;
        var markdown = File.ReadAllText(Path.Combine(run.Folder(Graph.Report), "report.md"));

        Assert.Contains("## Cross-validation by patient", markdown);
        Assert.Contains("### Per fold", markdown);
        var pooled = cv.Pooled[0].All.Metrics[MetricNames.BalancedAccuracy]!.Value;
        Assert.Contains(pooled.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), markdown);
        Assert.Contains("3-fold cross-validation, pooled out of fold", markdown);
        Assert.Contains("## External test sets", markdown);
        Assert.Contains("the mean of the 3 fold models", markdown);

        // The maps: every patch of each held-out patient, all scored; the test patients of this fold and the external
        // ones.
        var (report, pixels) = RunReportLoader.Load(run.Runner.Outputs(run.Run));
        using (pixels)
        {
            var cache = run.Read(Graph.Preprocess, PreprocessStage.Read);
            var test = report.Regions.Where(r => r.Source == "test").ToList();
            Assert.Equal(cv.Runs[0].TestPatients, test.Select(r => r.Patient).Order(StringComparer.Ordinal));
            foreach (var region in test)
            {
                var all = cache.Patches.Count(p => p.Patient == region.Patient);
                Assert.Equal(all, region.Patches.Count);
                Assert.Equal(all, region.Scored);
                Assert.Contains($"Patient {region.Patient} (test): the whole region, {all:N0} patches", markdown);
            }
            var outside = report.Regions.Where(r => r.Source == "external set other").ToList();
            Assert.Equal(3, outside.Count);
            Assert.Equal(run.Read(Graph.CrossValidate, CrossValidateStage.Read).Ensemble.Count,
                outside.Sum(r => r.Patches.Count));
            Assert.All(outside, r => Assert.Equal(r.Patches.Count, r.Scored));
            Assert.All(report.Regions, r => Assert.Equal(50, r.Pixels.ReadRgb(r.Patches.Count - 1).Length / 150));
        }
        // Every held-out patient has its map: this fold's test patients and the 3 external ones (under the cap of 6 a
        // set).
        Assert.Equal(cv.Runs[0].TestPatients.Count + 3,
            Directory.GetFiles(Path.Combine(run.Folder(Graph.Report), "report_files"), "tissue-*.png").Length);
    }

    [Fact]
    public void Compare_ranks_k_fold_variants_on_their_pooled_figures()
    {
        var a = TestRuns.PatientSyntheticConfig(_temp);
        var b = _temp.File("pt-lr.yaml", "extends: pt.yaml\nname: pt-lr\ntrain:\n  learning_rate: 3.0e-4\n");
        var variants = new List<IdcRepro.Reporting.CompareVariant>();
        var pooled = new List<double>();
        foreach (var config in new[] { a, b })
        {
            var run = new TestRun(config, _temp.Path);
            foreach (var each in run.Runs) run.Runner.Run(Graph.Evaluate, each);
            run.Runner.Run(Graph.CrossValidate, run.Run);
            var (report, pixels) = RunReportLoader.Load(run.Runner.Outputs(run.Run));
            pixels.Dispose();
            variants.Add(new IdcRepro.Reporting.CompareVariant(run.Config.Name, report.ConfigYaml,
                report with { Pixels = null, Regions = [] }));
            pooled.Add(run.Read(Graph.CrossValidate, CrossValidateStage.Read).Result.Pooled[0].All
                .Metrics[MetricNames.BalancedAccuracy]!.Value);
        }
        var markdown = File.ReadAllText(
            IdcRepro.Reporting.CompareWriter.Write(_temp.PathOf("compare"), variants).Markdown);

        Assert.Contains("## Cross-validation by patient, ranked", markdown);
        var first = pooled[0] >= pooled[1] ? "pt" : "pt-lr";
        Assert.Matches($@"\| 1 \| {System.Text.RegularExpressions.Regex.Escape(first)} \| 3 \|", markdown);
        foreach (var value in pooled)
            Assert.Contains(value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), markdown);
    }

    [Fact]
    public void A_config_without_folds_gets_a_crossval_file_that_says_so()
    {
        var run = new TestRun(TestRuns.TinySyntheticConfig(_temp), _temp.Path, "train.epochs=1", "train.threads=2",
            "evaluate.bootstrap_resamples=20");
        run.Through(Graph.CrossValidate);
        var cv = run.Read(Graph.CrossValidate, CrossValidateStage.Read);
        Assert.False(cv.Result.CrossValidated);
        Assert.Empty(cv.Result.Pooled);
        Assert.Contains("nothing to combine", run.Output);
    }
}
