using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>
/// What a report shows of a patient k-fold (the family's CrossValidate output, seen from one run): the folds of the
/// run's seed, their pooled out-of-fold figures on every patch of the test patients and on the undersampled test sets,
/// and with several seeds every seed's pooled figures with their mean ± sd.
/// </summary>
public sealed record CrossValidationFigures
{
    public required int Folds { get; init; }

    /// <summary>
    /// The seed whose folds <see cref="FoldRows"/> and <see cref="All"/> are (null without <c>seeds:</c>).
    /// </summary>
    public int? Seed { get; init; }

    public required IReadOnlyList<FoldFigures> FoldRows { get; init; }

    /// <summary>
    /// Pooled out-of-fold, every patch of the test patients: the figure comparable with the published patient-level
    /// results.
    /// </summary>
    public required PooledFigures All { get; init; }

    /// <summary>Pooled out-of-fold, the undersampled test sets: the blog's way of counting.</summary>
    public required PooledFigures Undersampled { get; init; }

    /// <summary>With several seeds: each seed's pooled figures (every patch), in the config's order.</summary>
    public IReadOnlyList<(int Seed, HeldOutFigures All, HeldOutFigures Undersampled)> PerSeed { get; init; } = [];

    /// <summary>With several seeds: the mean and sd over seeds of the pooled figures.</summary>
    public IReadOnlyList<MetricSpread> AllOverSeeds { get; init; } = [];

    public IReadOnlyList<MetricSpread> UndersampledOverSeeds { get; init; } = [];
}

/// <summary>
/// One fold's run: its test patients and its figures on every patch of them and on the undersampled set.
/// </summary>
public sealed record FoldFigures(int Fold, string Run, IReadOnlyList<string> TestPatients, long Patches,
    IReadOnlyDictionary<string, double?> All,
    long UndersampledPatches, IReadOnlyDictionary<string, double?> Undersampled, string Decision);

/// <summary>Pooled out-of-fold figures with intervals, and each metric's mean ± sd over the folds.</summary>
public sealed record PooledFigures(HeldOutFigures Pooled, IReadOnlyList<MetricSpread> FoldSpread);
