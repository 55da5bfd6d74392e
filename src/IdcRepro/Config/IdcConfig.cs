namespace IdcRepro.Config;

/// <summary>
/// The whole resolved config: one immutable section per stage. Loaded once by <see cref="ConfigLoader"/>;
/// each stage is handed only its own section (plus its inputs), so its cache key covers exactly what it reads.
/// </summary>
public sealed record IdcConfig
{
    /// <summary>The run's name: names its folder under artifacts/runs.</summary>
    public required string Name { get; init; }

    /// <summary>One line on what this config is for; shown in reports.</summary>
    public string Description { get; init; } = "";

    public required DataConfig Data { get; init; }
    public IndexConfig Index { get; init; } = new();
    public PreprocessConfig Preprocess { get; init; } = new();
    public SplitConfig Split { get; init; } = new();
    public UndersampleConfig Undersample { get; init; } = new();
    public TrainConfig Train { get; init; } = new();
    public EvaluateConfig Evaluate { get; init; } = new();
}
