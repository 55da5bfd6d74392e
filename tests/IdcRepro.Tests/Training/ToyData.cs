using IdcRepro.Config;
using IdcRepro.Sampling;
using IdcRepro.Training;

namespace IdcRepro.Tests.Training;

/// <summary>
/// Small random-but-learnable sets (IDC patches are brighter) and a narrow model that trains on them in moments.
/// </summary>
internal static class ToyData
{
    public const int Size = 50;

    public static TrainingData Learnable(int count, long seed)
    {
        var random = new SeededRandom(seed);
        var labels = Enumerable.Range(0, count).Select(i => i % 2).ToArray();
        random.Shuffle(labels);
        var pixels = new byte[count * Size * Size * 3];
        for (var i = 0; i < count; i++)
        {
            var low = labels[i] == 1 ? 100 : 50;
            for (var j = 0; j < Size * Size * 3; j++)
                pixels[i * Size * Size * 3 + j] = (byte)(low + random.NextInt(110));
        }
        return new TrainingData(pixels, Size, Size, labels);
    }

    public static TrainConfig Config(int epochs = 3, int seed = 42) => new()
    {
        Seed = seed,
        Device = DeviceChoice.Cpu,
        Threads = 1,
        Epochs = epochs,
        BatchSize = 16,
        LearningRate = 3e-3,
        EarlyStopping = new EarlyStoppingConfig { Patience = 0 },
        Model = new ModelConfig { ConvWidths = [4, 8, 8, 8], DenseWidths = [8, 8] },
    };
}
