namespace IdcRepro.Benchmarks;

/// <summary>
/// Training speed on one device. <see cref="BareStepPatchesPerSecond"/>: forward + loss + backward + optimizer step on
/// a batch already normalised as a float tensor on the device (median step). <see cref="TrainingPatchesPerSecond"/> and
/// <see cref="EpochSeconds"/>: a whole training epoch over <see cref="Patches"/> patches as training runs it (gather,
/// augmentation, steps, metrics). <see cref="ShareOutsideSteps"/>: the part of a separate epoch, synchronised around
/// every step to split its time, spent outside the steps. <see cref="EvaluationPatchesPerSecond"/>: the validation
/// pass. The Best figures use the fastest bare step and the fastest full training batch: on a machine shared with other
/// work they estimate what an idle one does.
/// </summary>
public sealed record BenchmarkResult(
    string Device,
    int Threads,
    int BatchSize,
    int Patches,
    double BareStepPatchesPerSecond,
    double TrainingPatchesPerSecond,
    double ShareOutsideSteps,
    double EvaluationPatchesPerSecond,
    double BestBareStepPatchesPerSecond,
    double BestTrainingBatchPatchesPerSecond,
    double EpochSeconds);
