using IdcRepro.Config;
using IdcRepro.Training;

namespace IdcRepro.Export;

/// <summary>
/// The exported normalization.json: per channel (R, G, B) the network input is <c>float32(pixel) * scale + shift</c>,
/// with <see cref="Scale"/> and <see cref="Shift"/> the float32 values the C# scoring multiplies and adds (written
/// exactly, as doubles). Featurewise: <c>scale = 1 / (255 (std + eps))</c>, <c>shift = -mean / (std + eps)</c>, with
/// the training set's <see cref="Mean"/> and <see cref="Std"/> of pixel / 255; rescale: <c>scale = 1 / 255</c>,
/// <c>shift = 0</c>.
/// </summary>
public sealed record PyTorchNormalization(
    Normalization Kind,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Std,
    double StdEpsilon,
    IReadOnlyList<double> Scale,
    IReadOnlyList<double> Shift)
{
    public const string FileName = "normalization.json";

    public static PyTorchNormalization From(Normalizer normalizer) => new(
        normalizer.Kind, normalizer.Mean, normalizer.Std, Normalizer.StdEpsilon,
        [.. normalizer.Scale().Select(s => (double)s)], [.. normalizer.Shift().Select(s => (double)s)]);

    public string ToJson() => TrainingJson.Serialize(this);
}
