namespace IdcRepro.Training;

/// <summary>
/// What a training work folder holds. Written by training: <see cref="Normalization"/> and
/// <see cref="ModelDescription"/> once; per epoch <see cref="CheckpointModel"/> + <see cref="CheckpointOptimizer"/>,
/// <see cref="History"/>, then <see cref="Last"/> (the commit point that names them), then <see cref="Best"/> when the
/// epoch improved.
/// </summary>
public sealed record TrainingFiles(string Folder)
{
    public string Normalization => Path.Combine(Folder, Normalizer.FileName);
    public string ModelDescription => Path.Combine(Folder, Training.ModelDescription.FileName);
    public string History => Path.Combine(Folder, HistoryCsv.FileName);

    /// <summary>The weights of the best epoch (by the monitored value): the model the later stages use.</summary>
    public string Best => Path.Combine(Folder, BestFile);

    public const string BestFile = "best.pt";

    /// <summary>
    /// The pointer to the last completed epoch's checkpoint, with the run's progress (see
    /// <see cref="CheckpointState"/>).
    /// </summary>
    public string Last => Path.Combine(Folder, "last.json");

    public string Checkpoints => Path.Combine(Folder, "checkpoints");

    public string CheckpointModel(int epoch) => Path.Combine(Checkpoints, $"epoch-{epoch:D4}.pt");
    public string CheckpointOptimizer(int epoch) => Path.Combine(Checkpoints, $"epoch-{epoch:D4}-optimizer.pt");
}
