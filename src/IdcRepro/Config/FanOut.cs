namespace IdcRepro.Config;

/// <summary>
/// The runs a config fans out to (<see cref="IdcConfig.Runs"/>): one per fold of a patient k-fold (<see cref="Folds"/>,
/// null without folds) times one per seed (<see cref="Seeds"/>, null without seeds), fold-major: run i tests fold
/// i / seeds and trains with seed i mod seeds.
/// </summary>
public sealed record FanOut(int? Folds, IReadOnlyList<int>? Seeds)
{
    /// <summary>How many runs: folds x seeds (1 for a config without either).</summary>
    public int Count => (Folds ?? 1) * (Seeds?.Count ?? 1);

    /// <summary>
    /// The fold and seed of run <paramref name="index"/> (each null where the config does not fan out over it).
    /// </summary>
    public (int? Fold, int? Seed) Place(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var seeds = Seeds?.Count ?? 1;
        return (Folds is null ? null : index / seeds, Seeds is null ? null : Seeds[index % seeds]);
    }
}
