using System.Diagnostics;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// Trains <see cref="IdcCnn"/> as the blog does (see <see cref="TrainConfig"/>), knowing no files but its work folder
/// (<see cref="TrainingFiles"/>). Every epoch's randomness depends only on (seed, epoch) (<see cref="EpochPlan"/>), and
/// each epoch ends with a committed checkpoint (<see cref="CheckpointStore"/>), so a run that stopped for any reason
/// resumes after its last completed epoch and, on CPU with the same thread count, ends bit-identical to one that never
/// stopped.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains, or resumes training, in <paramref name="workFolder"/>; returns at once when the folder's run has
    /// finished.
    /// </summary>
    /// <exception cref="TrainingCheckpointException">The folder holds a damaged checkpoint or one from another
    /// run.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; the last completed epoch is
    /// saved.</exception>
    public static TrainingOutcome Run(TrainConfig config, TrainingData train, TrainingData validation,
        string workFolder,
        ITrainingObserver observer, CancellationToken ct)
    {
        CheckShapes(train, validation);
        if (train.Count == 0 || validation.Count == 0)
            throw new ArgumentException("Training needs at least one training and one validation patch.");
        var files = new TrainingFiles(Path.GetFullPath(workFolder));
        Directory.CreateDirectory(files.Folder);
        var store = new CheckpointStore(files, RunFingerprint.Compute(config, train, validation));
        var state = store.Load();
        if (state is not null) store.Reconcile(state);
        var progress = state?.Progress ?? TrainingProgress.Start;
        var resumedAfter = progress.Epoch;

        var device = TrainingDevice.Select(config.Compute());
        if (progress.Stopped is not null
            && (progress.Stopped == StopReason.EarlyStopped || progress.Epoch >= config.Epochs))
            return Outcome(progress, config, resumedAfter, device, files);

        var normalizer = Normalizer.Fit(config.Normalize, train.Images);
        WriteIfChanged(files.Normalization, normalizer.ToJson());
        WriteIfChanged(files.ModelDescription,
            new ModelDescription(config.Model, train.Images.Height, config.Loss).ToJson());

        using var session = new TrainingSession(config, train, validation, normalizer, device);
        if (state is not null)
        {
            store.Restore(session, state);
            observer.OnMessage($"resuming after epoch {state.Progress.Epoch}");
        }

        while (progress.Epoch < config.Epochs && progress.Stopped is not StopReason.EarlyStopped)
        {
            ct.ThrowIfCancellationRequested();
            var epoch = progress.Epoch + 1;
            observer.OnEpochStart(epoch, config.Epochs);
            var clock = Stopwatch.StartNew();
            var plan = EpochPlan.Create(config.Seed, epoch, train.Count, session.Augmenter);
            var trained = session.TrainEpoch(plan, observer, ct).Metrics;
            var validated = session.Evaluate(session.Validation!, ct);
            var record = new EpochRecord(epoch, trained.Loss, trained.Accuracy, trained.BinaryAccuracy,
                validated.Loss, validated.Accuracy, validated.BinaryAccuracy, clock.Elapsed.TotalSeconds,
                    config.LearningRate);
            progress = progress.After(record, config.EarlyStopping, config.Epochs, out var improved);
            state = store.Save(session, progress, improved, state);
            observer.OnEpochEnd(record);
        }
        return Outcome(progress, config, resumedAfter, device, files);
    }

    private static void CheckShapes(TrainingData train, TrainingData validation)
    {
        var (height, width) = (train.Images.Height, train.Images.Width);
        if (height != width)
            throw new ArgumentException($"The model takes square patches, not {height}x{width}.", nameof(train));
        if (validation.Images.Height != height || validation.Images.Width != width)
            throw new ArgumentException(
                $"Validation patches are {validation.Images.Height}x{validation.Images.Width}, training " +
                $"patches {height}x{width}.", nameof(validation));
    }

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text) AtomicFile.WriteAllText(path, text);
    }

    private static TrainingOutcome Outcome(TrainingProgress progress, TrainConfig config, int resumedAfter,
        Device device, TrainingFiles files) =>
        new(progress.History, progress.BestEpoch, progress.BestValue, config.EarlyStopping.Monitor,
            progress.Stopped ?? StopReason.Completed, resumedAfter, device.ToString(), files);
}
