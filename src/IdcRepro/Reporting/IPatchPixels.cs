namespace IdcRepro.Reporting;

/// <summary>
/// The pixels of the test patches, by prediction index (the position in <see cref="RunReport.Predictions"/>):
/// <see cref="Size"/> x <see cref="Size"/> RGB bytes, row-major, 3 bytes a pixel (as one row of images.npy).
/// </summary>
public interface IPatchPixels
{
    /// <summary>Side of every patch, in pixels (50 in the blog's dataset).</summary>
    int Size { get; }

    /// <summary>Size * Size * 3 bytes of prediction <paramref name="predictionIndex"/>'s patch.</summary>
    byte[] ReadRgb(int predictionIndex);
}
