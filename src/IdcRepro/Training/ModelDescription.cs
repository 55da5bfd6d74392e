using IdcRepro.Config;

namespace IdcRepro.Training;

/// <summary>
/// model.json: what it takes to rebuild the network for best.pt (architecture, input size, how logits become
/// probabilities).
/// </summary>
public sealed record ModelDescription(ModelConfig Model, int InputSize, LossKind Loss)
{
    public const string FileName = "model.json";

    public string ToJson() => TrainingJson.Serialize(this);

    /// <exception cref="TrainingCheckpointException">The file is missing or unreadable.</exception>
    public static ModelDescription Load(string path) =>
        TrainingJson.Read<ModelDescription>(path, "Retrain the model (delete its work folder or use --force).");
}
