using System.Diagnostics;
using IdcRepro.Config;
using IdcRepro.Sampling;
using IdcRepro.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace IdcRepro.Benchmarks;

/// <summary>
/// Measures how fast a train config trains on this machine, on random uint8 patches (from the config seed) with the
/// config's model, batch size, optimizer, loss, augmentation and device. A measurement to read, not a test to pass.
/// </summary>
public static class TrainingBenchmark
{
    /// <param name="config">The train section to measure; epochs and early stopping are ignored.</param>
    /// <param name="patches">Random patches to train on (two epochs of them are timed: one split into steps, one as
    /// training runs).</param>
    /// <param name="bareSteps">Optimizer steps timed on a ready float batch, after one warm-up step.</param>
    /// <param name="inputSize">Patch side in pixels.</param>
    public static BenchmarkResult Run(TrainConfig config, int patches = 2000, int bareSteps = 5, int inputSize = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bareSteps, 1);
        var data = RandomPatches(patches, inputSize, config.Seed);
        var device = TrainingDevice.Select(config.Compute());
        var threads = device.type == DeviceType.CPU ? get_num_threads() : 0;
        using var session =
            new TrainingSession(config, data, data, Normalizer.Fit(config.Normalize, data.Images), device);
        var observer = new SilentObserver();

        var batchSize = Math.Min(config.BatchSize, patches);
        var bare = BareSteps(session, batchSize, bareSteps);
        // Epoch 1 synchronises around every step to split its time (which costs overlap on a GPU); epoch 2 runs as
        // training does and gives the throughput and the epoch time.
        var timed = session.TrainEpoch(EpochPlan.Create(config.Seed, 1, patches, session.Augmenter), observer,
            CancellationToken.None, timeSteps: true);
        var epoch = session.TrainEpoch(EpochPlan.Create(config.Seed, 2, patches, session.Augmenter), observer,
            CancellationToken.None);
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
        var clock = Stopwatch.StartNew();
        session.Evaluate(session.Validation!);
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
        var evaluation = patches / clock.Elapsed.TotalSeconds;
        var fastestBatch = timed.Batches.Where(b => b.Patches == batchSize).Min(b => b.Seconds);

        return new BenchmarkResult(device.ToString(), threads, config.BatchSize, patches,
            batchSize / bare[bare.Length / 2], epoch.Patches / epoch.Seconds, 1 - timed.StepSeconds / timed.Seconds,
                evaluation,
            batchSize / bare[0], batchSize / fastestBatch, epoch.Seconds);
    }

    /// <summary>The seconds of each bare step, sorted.</summary>
    private static double[] BareSteps(TrainingSession session, int batchSize, int steps)
    {
        using var outer = NewDisposeScope();
        var rows = arange(batchSize, dtype: ScalarType.Int64, device: session.Device);
        var inputs = session.Augmenter.Prepare(session.Train.Images, rows);
        var labels = session.Train.Labels!.index_select(0, rows);
        session.Model.train();
        Step(session, inputs, labels);   // warm-up: first-call allocations and kernel choices
        var seconds = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var clock = Stopwatch.StartNew();
            Step(session, inputs, labels);
            if (session.Device.type == DeviceType.CUDA) cuda.synchronize(session.Device);
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        return seconds;
    }

    private static void Step(TrainingSession session, Tensor inputs, Tensor labels)
    {
        using var scope = NewDisposeScope();
        session.Optimizer.zero_grad();
        var loss = session.Loss.Compute(session.Model.forward(inputs), labels, weighted: true);
        loss.backward();
        session.Optimizer.step();
    }

    private static TrainingData RandomPatches(int count, int size, long seed)
    {
        var random = new SeededRandom(seed, stream: -1);
        var pixels = new byte[(long)count * size * size * PatchImages.Channels];
        for (var i = 0; i < pixels.Length; i += 8)
        {
            var bits = random.NextUInt64();
            for (var k = 0; k < 8 && i + k < pixels.Length; k++) pixels[i + k] = (byte)(bits >> (8 * k));
        }
        var labels = Enumerable.Range(0, count).Select(_ => random.NextInt(2)).ToArray();
        return new TrainingData(pixels, size, size, labels);
    }

    private sealed class SilentObserver : ITrainingObserver;
}
