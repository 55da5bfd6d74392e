using IdcRepro.Data.Npy;
using IdcRepro.Pipeline;
using IdcRepro.Training;

namespace IdcRepro.Preprocess;

/// <summary>
/// Copies chosen rows of the memory-mapped images.npy into one contiguous buffer for training or scoring.
/// </summary>
public static class CachedPatches
{
    public static PatchImages Gather(PatchCache cache, IReadOnlyList<int> rows)
    {
        var path = cache.ImagesPath;
        using var images = NpyMappedArray.Open(path);
        if (images.Header.Shape.Count != 4 || images.Header.Shape[3] != 3)
            throw new StageException(
                $"{path}: expected a (N, H, W, 3) uint8 array, found {images.Header}. Rerun Preprocess with --force.");
        var height = (int)images.Header.Shape[1];
        var width = (int)images.Header.Shape[2];
        var patchBytes = height * width * 3;
        var buffer = GC.AllocateUninitializedArray<byte>(checked(rows.Count * patchBytes));
        for (var i = 0; i < rows.Count; i++)
            images.Item(rows[i]).CopyTo(buffer.AsSpan(i * patchBytes, patchBytes));
        return new PatchImages(buffer, rows.Count, height, width);
    }
}
