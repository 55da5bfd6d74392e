namespace IdcRepro.Config;

public enum UndersampleStrategy { None, Majority }

public enum DataSet { Train, Validation, Test }

/// <summary>
/// The <c>undersample</c> section: random undersampling of the majority class (imblearn's RandomUnderSampler).
/// </summary>
public sealed record UndersampleConfig
{
    public UndersampleStrategy Strategy { get; init; } = UndersampleStrategy.Majority;
    [ConfigRange(0, int.MaxValue)] public int Seed { get; init; } = 42;

    /// <summary>The sets it applies to (the blog: train and test).</summary>
    public IReadOnlyList<DataSet> Sets { get; init; } = [DataSet.Train, DataSet.Test];
}
