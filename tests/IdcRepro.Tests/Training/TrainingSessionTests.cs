using IdcRepro.Training;

namespace IdcRepro.Tests.Training;

[Collection(TorchTrainingCollection.Name)]
public sealed class TrainingSessionTests
{
    [Fact]
    public void Augmenting_several_batches_at_once_trains_the_same_epoch_bit_for_bit()
    {
        // 100 patches at batch 16: 7 batches, the last one short, so chunks of 3 batches end mid-set and on a short
        // batch.
        var config = ToyData.Config();
        var data = ToyData.Learnable(100, seed: 5);

        (MetricValues Trained, MetricValues Evaluated) Epoch(int chunkBatches)
        {
            var device = TrainingDevice.Select(config.Compute());
            using var session = new TrainingSession(config, data, data,
                Normalizer.Fit(config.Normalize, data.Images), device)
            { AugmentChunkBatches = chunkBatches };
            var trained = session.TrainEpoch(EpochPlan.Create(config.Seed, 1, data.Count, session.Augmenter),
                new Silent(), CancellationToken.None).Metrics;
            return (trained, session.Evaluate(session.Validation!));
        }

        var one = Epoch(1);
        Assert.Equal(one, Epoch(3));
        Assert.Equal(one, Epoch(50));
    }

    private sealed class Silent : ITrainingObserver;
}
