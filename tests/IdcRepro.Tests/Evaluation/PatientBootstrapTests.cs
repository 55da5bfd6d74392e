using System.Diagnostics;
using IdcRepro.Evaluation;
using IdcRepro.Sampling;
using Xunit.Abstractions;

namespace IdcRepro.Tests.Evaluation;

public sealed class PatientBootstrapTests(ITestOutputHelper output)
{
    private static readonly Prediction[] WellBehaved = PredictionData.Synthetic(patients: 20, perPatient: 50, seed: 1);

    [Fact]
    public void Same_seed_same_intervals_other_seed_other_intervals()
    {
        var a = PatientBootstrap.Intervals(WellBehaved, resamples: 200, seed: 42);
        var b = PatientBootstrap.Intervals(WellBehaved, resamples: 200, seed: 42);
        var c = PatientBootstrap.Intervals(WellBehaved, resamples: 200, seed: 43);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Values, c.Values);
    }

    [Fact]
    public void Every_metric_has_an_interval_around_its_point_estimate()
    {
        var point = Metrics.Compute(WellBehaved);
        var intervals = PatientBootstrap.Intervals(WellBehaved, resamples: 1000, seed: 42);

        Assert.Equal(point.Named().Select(kv => kv.Key), intervals.Keys);
        foreach (var (name, value) in point.Named())
        {
            var interval = intervals[name];
            Assert.Equal(1000, interval.Resamples);
            Assert.InRange(value!.Value, interval.Lower, interval.Upper);
            Assert.True(interval.Upper > interval.Lower, $"{name}: {interval}");
        }
    }

    [Fact]
    public void A_single_patient_gives_degenerate_intervals()
    {
        // Every resample draws the one patient: every value is the point estimate.
        var predictions = PredictionData.Synthetic(patients: 1, perPatient: 80, seed: 2);
        var point = Metrics.Compute(predictions);
        var intervals = PatientBootstrap.Intervals(predictions, resamples: 100, seed: 7);
        foreach (var (name, value) in point.Named())
            Assert.Equal(new Interval(value!.Value, value.Value, 100), intervals[name]);
    }

    [Fact]
    public void Input_order_does_not_matter()
    {
        var shuffled = PredictionData.Shuffled(WellBehaved, seed: 99);
        Assert.Equal(
            PatientBootstrap.Intervals(WellBehaved, resamples: 300, seed: 5),
            PatientBootstrap.Intervals(shuffled, resamples: 300, seed: 5));
    }

    [Fact]
    public void Each_resample_equals_the_metrics_of_its_pooled_patches()
    {
        // Resample r draws patients with SeededRandom(seed, stream: r) from the ordinal list; pooling copies of
        // their patches (each copy its own patient) must give exactly the weighted evaluation.
        var predictions = PredictionData.Synthetic(patients: 6, perPatient: 25, seed: 4);
        var patients = predictions.Select(p => p.Patient).Distinct().Order(StringComparer.Ordinal).ToArray();
        var sets = PatientBootstrap.Resample(RankedPredictions.Of(predictions), resamples: 20, seed: 8);
        for (var r = 0; r < sets.Length; r++)
        {
            var random = new SeededRandom(8, stream: r);
            var pool = new List<Prediction>();
            for (var k = 0; k < patients.Length; k++)
            {
                var drawn = patients[random.NextInt(patients.Length)];
                pool.AddRange(predictions.Where(p => p.Patient == drawn)
                    .Select(p => p with { Patient = $"{drawn}#{k}" }));
            }
            Assert.Equal(Metrics.Compute(pool), sets[r]);
        }
    }

    [Fact]
    public void Undefined_values_are_skipped_and_counted()
    {
        // Two patients without IDC and one with: resamples that miss patient "c" have no recall, ROC AUC, ...
        var predictions = PredictionData.FromScores([0.1, 0.6], [0, 0], "a")
            .Concat(PredictionData.FromScores([0.2, 0.3], [0, 0], "b"))
            .Concat(PredictionData.FromScores([0.4, 0.9, 0.7], [0, 1, 1], "c"))
            .ToArray();
        var intervals = PatientBootstrap.Intervals(predictions, resamples: 500, seed: 3);

        Assert.Equal(500, intervals[MetricNames.Accuracy].Resamples);
        // P(no "c" among 3 draws) = (2/3)^3 = 8/27, about 148 of 500.
        var recall = intervals[MetricNames.Recall].Resamples;
        Assert.InRange(recall, 300, 400);
        Assert.Equal(recall, intervals[MetricNames.RocAuc].Resamples);
        Assert.Equal(recall, intervals[MetricNames.AveragePrecision].Resamples);
    }

    [Fact]
    public void A_metric_undefined_in_every_resample_has_no_interval()
    {
        // No IDC and no positive prediction anywhere: recall, precision, F1, balanced accuracy and both AUCs never
        // exist.
        var predictions = PredictionData.FromScores([0.1, 0.2], [0, 0], "a")
            .Concat(PredictionData.FromScores([0.3], [0], "b")).ToArray();
        var intervals = PatientBootstrap.Intervals(predictions, resamples: 50, seed: 1);
        Assert.Equal([MetricNames.Accuracy, MetricNames.Specificity, MetricNames.KerasBinaryAccuracy], intervals.Keys);
    }

    [Fact]
    public void Zero_resamples_give_no_intervals_and_bad_arguments_are_refused()
    {
        Assert.Empty(PatientBootstrap.Intervals(WellBehaved, resamples: 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PatientBootstrap.Intervals(WellBehaved, resamples: -1, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatientBootstrap.Intervals(WellBehaved, 10, 1, confidence: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatientBootstrap.Intervals(WellBehaved, 10, 1, confidence: 0));
    }

    [Fact]
    public void Narrower_confidence_gives_a_nested_interval()
    {
        var wide = PatientBootstrap.Intervals(WellBehaved, resamples: 400, seed: 6);
        var narrow = PatientBootstrap.Intervals(WellBehaved, resamples: 400, seed: 6, confidence: 0.5);
        foreach (var (name, interval) in narrow)
        {
            Assert.InRange(interval.Lower, wide[name].Lower, wide[name].Upper);
            Assert.InRange(interval.Upper, wide[name].Lower, wide[name].Upper);
        }
    }

    [Theory]
    [InlineData(5, 400, 3)]     // ~2,000 predictions from 5 patients
    [InlineData(50, 600, 3)]    // 30,000 predictions from 50 patients, scores in steps of 0.001
    [InlineData(50, 600, null)] // the same with every score distinct: 30,000 thresholds
    public void A_thousand_resamples_take_well_under_two_seconds(int patients, int perPatient, int? decimals)
    {
        var predictions = PredictionData.Synthetic(patients, perPatient, seed: 10, decimals);
        PatientBootstrap.Intervals(predictions, resamples: 10, seed: 1); // JIT
        var wall = Stopwatch.StartNew();
        var cpuBefore = ThreadCpuTime();
        PatientBootstrap.Intervals(predictions, resamples: 1000, seed: 1);
        var cpu = ThreadCpuTime() - cpuBefore;
        output.WriteLine($"{predictions.Length} predictions, {patients} patients, " +
                         $"decimals {decimals?.ToString() ?? "all"}: " +
                         $"{cpu?.TotalMilliseconds:F0} ms CPU, {wall.Elapsed.TotalMilliseconds:F0} ms wall");
        // CPU time of this thread where the OS tells it, so a busy machine does not fail the test; wall time elsewhere.
        var taken = cpu ?? wall.Elapsed;
        Assert.True(taken < TimeSpan.FromSeconds(2), $"took {taken}");
    }

    /// <summary>
    /// This thread's CPU time (Linux: /proc/thread-self/schedstat, in ns), or null where unavailable.
    /// </summary>
    private static TimeSpan? ThreadCpuTime()
    {
        const string path = "/proc/thread-self/schedstat";
        if (!File.Exists(path)) return null;
        var nanoseconds = long.Parse(File.ReadAllText(path).Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromTicks(nanoseconds / 100);
    }
}
