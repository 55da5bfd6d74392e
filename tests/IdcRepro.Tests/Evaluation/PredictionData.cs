using IdcRepro.Evaluation;
using IdcRepro.Sampling;

namespace IdcRepro.Tests.Evaluation;

/// <summary>Predictions for the evaluation tests.</summary>
internal static class PredictionData
{
    /// <summary>
    /// One prediction per score, with P1 = score and P0 = 1 - score (so argmax says IDC iff score &gt; 0.5).
    /// </summary>
    public static Prediction[] FromScores(double[] scores, int[] labels, string patient = "p1") =>
        scores.Select((s, i) => new Prediction(labels[i], 1 - s, s, patient)).ToArray();

    /// <summary>
    /// A well-behaved test set: <paramref name="patients"/> patients of <paramref name="perPatient"/> patches, each
    /// patient with its own IDC share, P1 noisy around 0.7 for IDC and 0.3 for non-IDC, rounded to
    /// <paramref name="decimals"/> so that scores tie as float32 sigmoid outputs often do (null: no rounding, every
    /// score distinct, the most thresholds).
    /// </summary>
    public static Prediction[] Synthetic(int patients, int perPatient, int seed, int? decimals = 3)
    {
        var random = new SeededRandom(seed);
        var predictions = new List<Prediction>(patients * perPatient);
        for (var p = 0; p < patients; p++)
        {
            var idcShare = 0.1 + 0.8 * random.NextDouble();
            var patient = (8863 + 17 * p).ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var k = 0; k < perPatient; k++)
            {
                var label = random.NextDouble() < idcShare ? 1 : 0;
                var p1 = Round(
                    Math.Clamp((label == 1 ? 0.7 : 0.3) + 0.5 * (random.NextDouble() - 0.5), 0, 1), decimals);
                var p0 = Round(Math.Clamp(1 - p1 + 0.2 * (random.NextDouble() - 0.5), 0, 1), decimals);
                predictions.Add(new Prediction(label, p0, p1, patient));
            }
        }
        return predictions.ToArray();
    }

    private static double Round(double x, int? decimals) => decimals is { } d ? Math.Round(x, d) : x;

    /// <summary>A copy in another order.</summary>
    public static Prediction[] Shuffled(IEnumerable<Prediction> predictions, int seed)
    {
        var copy = predictions.ToArray();
        new SeededRandom(seed).Shuffle(copy);
        return copy;
    }
}
