namespace IdcRepro.Preprocess;

/// <summary>
/// A patch left out of the cache under <c>on_corrupt: skip</c>: its index in the input list, its path, and why.
/// </summary>
public sealed record SkippedPatch(int Index, string Path, string Reason)
{
    /// <summary>
    /// How the console and the stage's stamp show it: <c>8863/0/8863_idx5_x51_y1_class0.png: the PNG is cut short
    /// ...</c>.
    /// </summary>
    public override string ToString() => $"{Path}: {Reason}";
}
