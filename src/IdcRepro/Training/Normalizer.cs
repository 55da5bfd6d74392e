using IdcRepro.Config;

namespace IdcRepro.Training;

/// <summary>
/// Maps raw 0..255 pixel values to network inputs, per channel (R, G, B): featurewise is Keras' fitted
/// featurewise_center + featurewise_std_normalization, <c>(x / 255 - mean) / (std + 1e-6)</c> with the training set's
/// mean and population std (after /255); rescale is only <c>x / 255</c>. Saved as normalization.json beside the model:
/// inference needs it.
/// </summary>
public sealed record Normalizer(Normalization Kind, IReadOnlyList<double> Mean, IReadOnlyList<double> Std)
{
    public const string FileName = "normalization.json";

    /// <summary>What Keras' ImageDataGenerator.standardize adds to the std.</summary>
    public const double StdEpsilon = 1e-6;

    public static Normalizer Rescale { get; } = new(Normalization.Rescale, [0, 0, 0], [1, 1, 1]);

    /// <summary>
    /// Fits the statistics of <paramref name="images"/> (exactly, from per-channel histograms), or returns
    /// <see cref="Rescale"/>.
    /// </summary>
    public static Normalizer Fit(Normalization kind, PatchImages images)
    {
        if (kind == Normalization.Rescale) return Rescale;
        if (images.Count == 0)
            throw new ArgumentException("Featurewise normalisation needs at least one training patch.", nameof(images));
        var histogram = ChannelHistogram(images.Pixels.Span);
        var mean = new double[PatchImages.Channels];
        var std = new double[PatchImages.Channels];
        for (var c = 0; c < PatchImages.Channels; c++)
        {
            double n = 0, sum = 0;
            for (var v = 0; v < 256; v++)
            {
                n += histogram[c, v];
                sum += histogram[c, v] * (v / 255.0);
            }
            mean[c] = sum / n;
            double squares = 0;
            for (var v = 0; v < 256; v++) squares += histogram[c, v] * Math.Pow(v / 255.0 - mean[c], 2);
            std[c] = Math.Sqrt(squares / n);
        }
        return new Normalizer(kind, mean, std);
    }

    /// <summary>Per channel, the factor on raw 0..255 values: <c>y = x * Scale + Shift</c>.</summary>
    public float[] Scale() =>
        [.. Enumerable.Range(0, PatchImages.Channels)
        .Select(c => (float)(Kind == Normalization.Rescale ? 1 / 255.0 : 1 / (255.0 * (Std[c] + StdEpsilon))))];

    /// <summary>Per channel, the offset after <see cref="Scale"/>.</summary>
    public float[] Shift() =>
        [.. Enumerable.Range(0, PatchImages.Channels)
        .Select(c => (float)(Kind == Normalization.Rescale ? 0 : -Mean[c] / (Std[c] + StdEpsilon)))];

    public string ToJson() => TrainingJson.Serialize(this);

    /// <summary>Reads normalization.json.</summary>
    /// <exception cref="TrainingCheckpointException">The file is missing or unreadable.</exception>
    public static Normalizer Load(string path)
    {
        var normalizer =
            TrainingJson.Read<Normalizer>(path, "Retrain the model (delete its work folder or use --force).");
        if (normalizer.Mean is not { Count: PatchImages.Channels }
            || normalizer.Std is not { Count: PatchImages.Channels })
            throw new TrainingCheckpointException(path,
                $"{path} must hold {PatchImages.Channels} means and {PatchImages.Channels} stds. Retrain the model " +
                "(delete its work folder or use --force).");
        return normalizer;
    }

    private static long[,] ChannelHistogram(ReadOnlySpan<byte> pixels)
    {
        var histogram = new long[PatchImages.Channels, 256];
        for (var i = 0; i < pixels.Length; i += PatchImages.Channels)
        {
            histogram[0, pixels[i]]++;
            histogram[1, pixels[i + 1]]++;
            histogram[2, pixels[i + 2]]++;
        }
        return histogram;
    }

    public bool Equals(Normalizer? other) =>
        other is not null && Kind == other.Kind && Mean.SequenceEqual(other.Mean) && Std.SequenceEqual(other.Std);

    public override int GetHashCode() =>
        HashCode.Combine(Kind, Mean.Count > 0 ? Mean[0] : 0, Std.Count > 0 ? Std[0] : 0);
}
