namespace IdcRepro.Preprocess;

/// <summary>A patch larger than the cache size under <c>resize: pad</c>, which only enlarges; a config problem, not a corrupt file.</summary>
public sealed class PatchTooLargeException(ImageSize size, int target)
    : Exception($"the patch is {size}, larger than preprocess.size {target}; pad only enlarges: use resize bilinear, bicubic or nearest, or a size of at least {Math.Max(size.Width, size.Height)}")
{
    public ImageSize Size { get; } = size;
}
