using IdcRepro.Config;

namespace IdcRepro.Preprocess;

/// <summary>
/// What building the patch cache did: how many patches went in, which were kept, which were reshaped or skipped.
/// </summary>
public sealed record PatchCacheSummary
{
    /// <summary>Side of the cached patches.</summary>
    public required int Size { get; init; }

    /// <summary>How odd-sized patches were brought to <see cref="Size"/>.</summary>
    public required ResizeMode Resize { get; init; }

    /// <summary>Patches asked for.</summary>
    public required int Requested { get; init; }

    /// <summary>
    /// Patches in the cache: row i of images.npy and labels.npy is input patch <c>KeptIndices[i]</c>.
    /// </summary>
    public int Kept => KeptIndices.Count;

    /// <summary>Indices into the input list of the patches kept, ascending.</summary>
    public required IReadOnlyList<int> KeptIndices { get; init; }

    /// <summary>Patches left out (only under <c>on_corrupt: skip</c>), in input order.</summary>
    public required IReadOnlyList<SkippedPatch> Skipped { get; init; }

    /// <summary>Kept patches that were not size x size, by original size ("50x42" = width x height), sorted.</summary>
    public required IReadOnlyDictionary<string, int> ReshapedBySize { get; init; }

    /// <summary>Kept patches that were not size x size.</summary>
    public int Reshaped => ReshapedBySize.Values.Sum();

    /// <summary>Of those, how many were resampled (bilinear, bicubic, nearest) ...</summary>
    public int Resized => Resize == ResizeMode.Pad ? 0 : Reshaped;

    /// <summary>... and how many padded with black.</summary>
    public int Padded => Resize == ResizeMode.Pad ? Reshaped : 0;
}
