namespace IdcRepro.Training;

/// <summary>
/// Training speed on one device: <see cref="BareStepPatchesPerSecond"/> is forward + loss + backward + optimizer step on a
/// batch already normalised as a float tensor on the device; <see cref="TrainingPatchesPerSecond"/> is a whole training
/// epoch (gather, augmentation, steps, metrics); <see cref="ShareOutsideSteps"/> is the part of that epoch spent outside the
/// steps; <see cref="EvaluationPatchesPerSecond"/> is the validation pass.
/// </summary>
public sealed record BenchmarkResult(
    string Device,
    int Threads,
    int BatchSize,
    int Patches,
    double BareStepPatchesPerSecond,
    double TrainingPatchesPerSecond,
    double ShareOutsideSteps,
    double EvaluationPatchesPerSecond);
