namespace IdcRepro.Training;

/// <summary>
/// last.json, replaced atomically after each epoch's files are in place: the run's fingerprint, the progress, and the
/// files (relative to the work folder) with their SHA-256, so that a resume can tell a whole checkpoint from a damaged
/// one.
/// <see cref="BestModelFile"/> is the best epoch's checkpoint, kept while it is the best, from which best.pt can be
/// restored.
/// </summary>
internal sealed record CheckpointState(
    int Format,
    string Fingerprint,
    TrainingProgress Progress,
    string ModelFile,
    string ModelSha256,
    string OptimizerFile,
    string OptimizerSha256,
    string BestModelFile,
    string BestModelSha256)
{
    public const int CurrentFormat = 1;
}
