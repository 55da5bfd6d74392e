namespace IdcRepro.Config;

/// <summary>How a patch that is not size x size is brought to it.</summary>
public enum ResizeMode { Bilinear, Bicubic, Nearest, Pad }

/// <summary>The <c>preprocess</c> section: decoding patches into the uint8 cache.</summary>
public sealed record PreprocessConfig
{
    /// <summary>Side of the cached square patch in pixels.</summary>
    [ConfigRange(8, 512)] public int Size { get; init; } = 50;

    /// <summary>
    /// bilinear, bicubic or nearest resample (stretch) an odd-sized patch; pad keeps its pixels and fills the rest with
    /// black.
    /// </summary>
    public ResizeMode Resize { get; init; } = ResizeMode.Bilinear;

    /// <summary>
    /// What a corrupt or unreadable PNG does: fail the run, or skip it (reported with its path either way).
    /// </summary>
    public InvalidEntryPolicy OnCorrupt { get; init; } = InvalidEntryPolicy.Fail;
}
