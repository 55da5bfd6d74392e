using IdcRepro.Benchmarks;
using IdcRepro.Tests.Training;

namespace IdcRepro.Tests.Benchmarks;

[Collection(TorchTrainingCollection.Name)]
public sealed class TrainingBenchmarkTests
{
    [Fact]
    public void The_benchmark_measures_steps_epochs_and_evaluation()
    {
        var result = TrainingBenchmark.Run(ToyData.Config(), patches: 40, bareSteps: 3);

        Assert.Equal(("cpu", 1, 16, 40), (result.Device, result.Threads, result.BatchSize, result.Patches));
        Assert.True(result.BareStepPatchesPerSecond > 0 && result.TrainingPatchesPerSecond > 0
            && result.EvaluationPatchesPerSecond > 0);
        Assert.InRange(result.ShareOutsideSteps, 0, 1);
        Assert.True(result.BestBareStepPatchesPerSecond >= result.BareStepPatchesPerSecond);
        Assert.True(result.BestTrainingBatchPatchesPerSecond > 0);
        Assert.Equal(40 / result.TrainingPatchesPerSecond, result.EpochSeconds, 6);
    }
}
