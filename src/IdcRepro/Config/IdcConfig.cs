namespace IdcRepro.Config;

/// <summary>
/// The whole resolved config: one immutable section per stage. Loaded once by <see cref="ConfigLoader"/>;
/// each stage is handed only its own section (plus its inputs), so its cache key covers exactly what it reads.
/// </summary>
public sealed record IdcConfig : ISelfValidating
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

    /// <summary>
    /// Train (and evaluate) once per seed: each value becomes train.seed of its own cached run, named
    /// &lt;name&gt;-seed&lt;N&gt;; the data stages are shared. Reports show every seed and their mean and std. Null:
    /// one run.
    /// </summary>
    public IReadOnlyList<int>? Seeds { get; init; }

    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (Seeds is { Count: 0 })
            yield return ("seeds", "give at least one seed, e.g. seeds: [1, 2, 3], or leave the key out");
        if (Seeds is not null && Seeds.Distinct().Count() != Seeds.Count)
            yield return ("seeds", "the seeds must differ from each other");
        if (Seeds is not null && Seeds.Any(s => s < 0)) yield return ("seeds", "seeds are whole numbers from 0 up");
        if (Evaluate.Threshold == ThresholdRule.ValidationBalanced && !HasValidationSet(Split))
            yield return ("evaluate.threshold",
                "validation_balanced chooses the threshold on the validation set, and this split has none (the test " +
                "set would choose its own threshold): set split.validation_fraction above 0 (strategy lists: " +
                "split.lists.validation), or use threshold: fixed");
    }

    private static bool HasValidationSet(SplitConfig split) =>
        split.Strategy == SplitStrategy.Lists ? split.Lists.Validation is not null : split.ValidationFraction > 0;

    /// <summary>How many runs this config fans out to, and what sets each apart (its fold, its seed).</summary>
    /// <remarks>A method, not a property: the resolved config's YAML and JSON hold settings only.</remarks>
    public FanOut FanOut() => new(Split.Strategy == SplitStrategy.PatientKfold ? Split.Folds : null, Seeds);

    /// <summary>
    /// The runs this config stands for, fold-major: itself; or one per fold of a patient k-fold
    /// (&lt;name&gt;-fold&lt;i&gt;, split.fold set); or one per seed (&lt;name&gt;-seed&lt;N&gt;, train.seed set); or
    /// both (&lt;name&gt;-fold&lt;i&gt;-seed&lt;N&gt;).
    /// The fan-out sets split.fold and train.seed, whatever the config says of them.
    /// </summary>
    public IReadOnlyList<IdcConfig> Runs()
    {
        var fanOut = FanOut();
        return Enumerable.Range(0, fanOut.Count).Select(i =>
        {
            var (fold, seed) = fanOut.Place(i);
            var run = this;
            if (fold is { } f) run = run with { Name = $"{run.Name}-fold{f}", Split = run.Split with { Fold = f } };
            if (seed is { } s) run = run with { Name = $"{run.Name}-seed{s}", Train = run.Train with { Seed = s } };
            return run;
        }).ToList();
    }
}
