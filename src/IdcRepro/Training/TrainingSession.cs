using System.Diagnostics;
using IdcRepro.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// The live objects of one training run on one device: both sets uploaded once as uint8, the model (seeded from the
/// config seed), its optimizer, the augmenter and the loss. <see cref="TrainEpoch"/> and <see cref="Evaluate"/> are the
/// two passes.
/// </summary>
internal sealed class TrainingSession : IDisposable
{
    /// <summary>Keras' Adam epsilon (K.epsilon()); torch's default is 1e-8.</summary>
    private const double AdamEpsilon = 1e-7;
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Batches gathered and augmented in one go on a GPU (4,096 patches at batch 256: 123 MB of float input).
    /// </summary>
    public const int GpuAugmentChunkBatches = 16;

    private readonly TrainConfig _config;

    public TrainingSession(TrainConfig config, TrainingData train, TrainingData? validation, Normalizer normalizer,
        Device device)
    {
        _config = config;
        Device = device;
        manual_seed(EpochPlan.InitialTorchSeed(config.Seed));
        Model = new IdcCnn(config.Model, train.Images.Height).to(device);
        Optimizer = config.Optimizer == OptimizerKind.Adam
            ? optim.Adam(Model.parameters(), config.LearningRate, beta1: 0.9, beta2: 0.999, eps: AdamEpsilon)
            : optim.SGD(Model.parameters(), config.LearningRate);
        Augmenter = new Augmenter(config.Augment, normalizer, device);
        Loss = new TrainingLoss(config.Loss, config.ClassWeighted ? TrainingLoss.ClassWeights(train.ClassCounts())
            : null, device);
        Train = DevicePatches.Upload(train, device);
        Validation = validation is null ? null : DevicePatches.Upload(validation, device);
        AugmentChunkBatches = device.type == DeviceType.CUDA ? GpuAugmentChunkBatches : 1;
    }

    /// <summary>
    /// Training batches gathered and augmented with one set of kernel launches: on a GPU many (launches, not
    /// arithmetic, dominate there), on a CPU one (no gain, only memory). Any value gives the same epoch: each patch's
    /// arithmetic is the same.
    /// </summary>
    public int AugmentChunkBatches { get; init; }

    public Device Device { get; }
    public IdcCnn Model { get; }
    public OptimizerHelper Optimizer { get; }
    public Augmenter Augmenter { get; }
    public TrainingLoss Loss { get; }
    public DevicePatches Train { get; }
    public DevicePatches? Validation { get; }

    /// <summary>
    /// One pass over the training set in the plan's order, one optimizer step per batch (the last one may be short).
    /// With <paramref name="timeSteps"/> the device is synchronised around each batch and step to time them.
    /// </summary>
    public EpochTotals TrainEpoch(EpochPlan plan, ITrainingObserver observer, CancellationToken ct, bool timeSteps =
        false)
    {
        var clock = Stopwatch.StartNew();
        var stepTime = TimeSpan.Zero;
        var lastReport = TimeSpan.Zero;
        var timings = new List<BatchTiming>();
        Model.train();
        manual_seed(plan.TorchSeed);
        using var epochScope = NewDisposeScope();
        using var totals = new MetricTotals(Loss.Kind);
        var order = tensor(plan.Order.Select(i => (long)i).ToArray(), device: Device);
        var transforms = Augmenter.Upload(plan.Transforms);
        var batchSize = _config.BatchSize;
        var batches = (Train.Count + batchSize - 1) / batchSize;
        var chunkPatches = (long)batchSize * Math.Max(1, AugmentChunkBatches);
        for (long chunkStart = 0; chunkStart < Train.Count; chunkStart += chunkPatches)
        {
            // Gather and augment several batches at once: the same arithmetic per patch, far fewer kernel launches.
            using var chunkScope = NewDisposeScope();
            var chunkLength = Math.Min(chunkPatches, Train.Count - chunkStart);
            var chunkRows = order.narrow(0, chunkStart, chunkLength);
            var chunkInputs = Augmenter.Augment(Train.Images, chunkRows, transforms.Slice(chunkStart, chunkLength));
            var chunkLabels = Train.Labels!.index_select(0, chunkRows);
            for (long offset = 0; offset < chunkLength; offset += batchSize)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batchStart = timeSteps ? Synchronised(clock) : default;
                var b = (int)((chunkStart + offset) / batchSize);
                var count = Math.Min(batchSize, chunkLength - offset);
                var inputs = chunkInputs.narrow(0, offset, count);
                var labels = chunkLabels.narrow(0, offset, count);

                var stepStart = timeSteps ? Synchronised(clock) : default;
                Optimizer.zero_grad();
                var logits = Model.forward(inputs);
                var loss = Loss.Compute(logits, labels, weighted: true);
                loss.backward();
                Optimizer.step();
                var stepEnd = timeSteps ? Synchronised(clock) : default;
                stepTime += stepEnd - stepStart;

                totals.Add(loss, logits, labels);
                if (timeSteps)
                    timings.Add(
                        new BatchTiming((int)count, (Synchronised(clock) - batchStart).TotalSeconds,
                        (stepEnd - stepStart).TotalSeconds));
                if (b == 0 || b == batches - 1 || clock.Elapsed - lastReport >= ReportInterval)
                {
                    lastReport = clock.Elapsed;
                    observer.OnBatch(plan.Epoch, b, batches, totals.MeanLoss(),
                        (chunkStart + offset + count) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
                }
            }
        }
        return new EpochTotals(totals.Values(), Train.Count, clock.Elapsed.TotalSeconds, stepTime.TotalSeconds,
            timings);
    }

    public MetricValues Evaluate(DevicePatches patches, CancellationToken ct = default) =>
        Evaluator.Evaluate(Model, Augmenter, Loss, patches, ct);

    private TimeSpan Synchronised(Stopwatch clock)
    {
        if (Device.type == DeviceType.CUDA) cuda.synchronize(Device);
        return clock.Elapsed;
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation?.Dispose();
        Loss.Dispose();
        Augmenter.Dispose();
        Optimizer.Dispose();
        Model.Dispose();
    }
}
