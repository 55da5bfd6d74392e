namespace IdcRepro.Config;

public enum InvalidEntryPolicy { Fail, Skip }

/// <summary>The <c>index</c> section: which patches the run uses.</summary>
public sealed record IndexConfig
{
    /// <summary>
    /// Keep only the first N patches of the sorted index (the blog analysed the first 60,000). Null keeps all.
    /// </summary>
    [ConfigRange(1, int.MaxValue)] public int? First { get; init; }

    /// <summary>
    /// What a malformed name or a name that disagrees with its folders does: fail the run, or skip it.
    /// </summary>
    public InvalidEntryPolicy OnInvalid { get; init; } = InvalidEntryPolicy.Fail;
}
