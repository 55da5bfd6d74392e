namespace IdcRepro.Config;

/// <summary>
/// How test predictions become classes: fixed is argmax (p1 &gt; p0, the blog's rule); validation_balanced uses the threshold
/// on p1 that maximises balanced accuracy on the validation set (chosen there, never on the test set; needs a validation set).
/// </summary>
public enum ThresholdRule { Fixed, ValidationBalanced }

/// <summary>The <c>evaluate</c> section.</summary>
public sealed record EvaluateConfig
{
    /// <summary>Bootstrap resamples for the 95% intervals (patients are resampled, not patches); 0 skips intervals.</summary>
    [ConfigRange(0, 100_000)] public int BootstrapResamples { get; init; } = 1000;
    [ConfigRange(0, int.MaxValue)] public int BootstrapSeed { get; init; } = 42;
    [ConfigRange(1, 65_536)] public int BatchSize { get; init; } = 1024;

    /// <summary>The decision rule for the confusion matrix and its rates (ROC AUC and average precision do not depend on it).</summary>
    public ThresholdRule Threshold { get; init; } = ThresholdRule.Fixed;

    /// <summary>Test-time augmentation: score each patch in its 8 rotations and mirror images and average the probabilities.</summary>
    public bool Tta { get; init; }
}
