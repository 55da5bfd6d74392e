namespace IdcRepro.Training;

/// <summary>
/// Hears how training goes (the CLI draws progress from it). Called on the training thread; an exception thrown here
/// stops training like a crash would: the next run resumes after the last completed epoch.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>A line worth showing, e.g. "resuming after epoch 3".</summary>
    void OnMessage(string message) { }

    void OnEpochStart(int epoch, int epochs) { }

    /// <summary>
    /// Progress within an epoch (the first and last batch, and at most every half second between):
    /// <paramref name="loss"/> is the mean training loss of the epoch so far, <paramref name="patchesPerSecond"/> the
    /// epoch's rate so far.
    /// </summary>
    void OnBatch(int epoch, int batchIndex, int batchCount, double loss, double patchesPerSecond) { }

    /// <summary>After the epoch is evaluated and its checkpoint saved.</summary>
    void OnEpochEnd(EpochRecord record) { }
}
