using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IdcRepro.Config;

namespace IdcRepro.Training;

/// <summary>
/// What a checkpoint must come from to be resumed: the train config (less what may change between a run and its resume:
/// epochs, device and threads) and both sets' shapes, labels and pixels, hashed with SHA-256.
/// </summary>
internal static class RunFingerprint
{
    public static string Compute(TrainConfig config, TrainingData train, TrainingData? validation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var resumable = config with { Epochs = 0, Device = DeviceChoice.Auto, Threads = 0 };
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(resumable, TrainingJson.Options)));
        Append(hash, train);
        if (validation is not null) Append(hash, validation);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, TrainingData data)
    {
        hash.AppendData(
            Encoding.UTF8.GetBytes($"{data.Count}x{data.Images.Height}x{data.Images.Width}x{PatchImages.Channels};"));
        hash.AppendData([.. data.Labels.Select(l => (byte)l)]);
        hash.AppendData(data.Images.Pixels.Span);
    }
}
