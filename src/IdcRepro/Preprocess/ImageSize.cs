namespace IdcRepro.Preprocess;

/// <summary>Width and height of a decoded patch in pixels, written as the blog's "50x42" (width x height).</summary>
public readonly record struct ImageSize(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";
}
