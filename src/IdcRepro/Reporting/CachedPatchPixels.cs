using IdcRepro.Data.Npy;
using IdcRepro.Preprocess;

namespace IdcRepro.Reporting;

/// <summary>
/// The pixels of scored patches, read on demand from the memory-mapped cache (row i of the list -> cache row).
/// </summary>
public sealed class CachedPatchPixels(PatchCache cache, IReadOnlyList<int> cacheRows) : IPatchPixels, IDisposable
{
    private readonly NpyMappedArray _images = NpyMappedArray.Open(cache.ImagesPath);

    public int Size => (int)_images.Header.Shape[1];

    public byte[] ReadRgb(int predictionIndex) => _images.Item(cacheRows[predictionIndex]).ToArray();

    public void Dispose() => _images.Dispose();
}
