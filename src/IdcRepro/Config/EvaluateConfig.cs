namespace IdcRepro.Config;

/// <summary>
/// How test predictions become classes: fixed is argmax (p1 &gt; p0, the blog's rule); validation_balanced uses the
/// threshold on p1 that maximises balanced accuracy on the validation set (chosen there, never on the test set; needs a
/// validation set).
/// </summary>
public enum ThresholdRule { Fixed, ValidationBalanced }

/// <summary>The <c>evaluate</c> section.</summary>
public sealed record EvaluateConfig : ISelfValidating
{
    /// <summary>
    /// Bootstrap resamples for the 95% intervals (patients are resampled, not patches); 0 skips intervals.
    /// </summary>
    [ConfigRange(0, 100_000)] public int BootstrapResamples { get; init; } = 1000;
    [ConfigRange(0, int.MaxValue)] public int BootstrapSeed { get; init; } = 42;
    [ConfigRange(1, 65_536)] public int BatchSize { get; init; } = 1024;

    /// <summary>
    /// The decision rule for the confusion matrix and its rates (ROC AUC and average precision do not depend on it).
    /// </summary>
    public ThresholdRule Threshold { get; init; } = ThresholdRule.Fixed;

    /// <summary>
    /// Test-time augmentation: score each patch in its 8 rotations and mirror images and average the probabilities.
    /// </summary>
    public bool Tta { get; init; }

    /// <summary>
    /// External test sets: zips or folders of other patients' patches in the dataset's layout
    /// (<c>&lt;patient&gt;_idx5_x&lt;X&gt;_y&lt;Y&gt;_class&lt;C&gt;.png</c>). Evaluate scores every patch of each (no
    /// undersampling) with the trained model; each is in Evaluate's key by content. A set is named by its file or
    /// folder name.
    /// </summary>
    [ConfigPath] public IReadOnlyList<string> External { get; init; } = [];

    /// <summary>The name of an external set: its file name without the extension (a folder: its name).</summary>
    public static string ExternalName(string path) =>
        Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));

    public IEnumerable<(string Key, string Message)> Validate()
    {
        var names = External.Select(ExternalName).ToList();
        if (names.FirstOrDefault(n => names.Count(m => string.Equals(m, n, StringComparison.Ordinal)) > 1) is { } twice)
            yield return ("external",
                $"two external sets are named '{twice}' (a set is named by its file or folder name): rename one, or " +
                "give each set once");
    }
}
