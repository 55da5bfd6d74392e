using IdcRepro.Sampling;

namespace IdcRepro.Evaluation;

/// <summary>
/// Percentile bootstrap intervals that resample patients, not patches: the patches of one patient are not
/// independent, so a patch bootstrap would give intervals far too narrow. Each resample draws as many patients as
/// there are, with replacement, pools their patches and recomputes every metric.
/// </summary>
/// <remarks>
/// Resample r draws from its own generator <c>SeededRandom(seed, stream: r)</c>, over the patients in ordinal
/// order, so results depend only on the predictions (not their order), the seed and the resample count.
/// A resample is evaluated by weighting per-patient counts and a score order computed once, which gives exactly
/// the metrics of the pooled patches without building the pool.
/// </remarks>
public static class PatientBootstrap
{
    /// <summary>
    /// Intervals holding the central <paramref name="confidence"/> share of each metric's resampled values
    /// (for 0.95: the 2.5th and 97.5th percentiles, numpy's linear interpolation), keyed by
    /// <see cref="MetricNames"/> in <see cref="MetricSet.Named"/> order. Resamples where a metric is undefined are
    /// left out of its interval (<see cref="Interval.Resamples"/> says how many remain); a metric undefined in every
    /// resample has no entry. Zero resamples give no intervals.
    /// </summary>
    /// <param name="decision">How a prediction becomes a class for the confusion-based metrics (default:
    /// argmax).</param>
    public static IReadOnlyDictionary<string, Interval> Intervals(IReadOnlyList<Prediction> predictions, int resamples,
        int seed, double confidence = 0.95, DecisionRule decision = default) =>
        Intervals(RankedPredictions.Of(predictions, _ => decision), resamples, seed, confidence);

    /// <summary>The intervals of predictions already laid out (and checked) as <paramref name="ranked"/>.</summary>
    internal static IReadOnlyDictionary<string, Interval> Intervals(RankedPredictions ranked, int resamples, int seed,
        double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence,
                "Confidence lies strictly between 0 and 1.");
        var sets = Resample(ranked, resamples, seed);

        // Percentages as np.percentile takes them (2.5 and 97.5 for 0.95), so the quantiles are the same doubles.
        var tailPercent = (100 - 100 * confidence) / 2;
        var lowerQuantile = tailPercent / 100;
        var upperQuantile = (100 - tailPercent) / 100;

        var intervals = new OrderedDictionary<string, Interval>(StringComparer.Ordinal);
        if (sets.Length == 0) return intervals;
        var named = sets.Select(s => s.Named()).ToArray();
        for (var m = 0; m < named[0].Count; m++)
        {
            var values = named.Select(n => n[m].Value).OfType<double>().ToArray();
            if (values.Length == 0) continue;
            Array.Sort(values);
            intervals.Add(named[0][m].Key,
                new Interval(Percentile.Linear(values, lowerQuantile), Percentile.Linear(values, upperQuantile),
                values.Length));
        }
        return intervals;
    }

    /// <summary>The metrics of each resample, in resample order.</summary>
    internal static MetricSet[] Resample(RankedPredictions ranked, int resamples, int seed)
    {
        var patients = ranked.Patients.Length;
        var weights = new int[patients];
        var sets = new MetricSet[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var random = new SeededRandom(seed, stream: r);
            Array.Clear(weights);
            for (var k = 0; k < patients; k++) weights[random.NextInt(patients)]++;
            sets[r] = ranked.Evaluate(weights);
        }
        return sets;
    }
}
