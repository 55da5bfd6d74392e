using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Data.Npy;
using IdcRepro.Pipeline;

namespace IdcRepro.Preprocess;

/// <summary>
/// The Preprocess stage's core: decodes every patch into one uint8 array (N, size, size, 3) in images.npy and
/// writes their labels (N,) as int64 to labels.npy, both in input order. Patches are decoded in parallel, each
/// into its fixed slot, so the files are byte-identical whatever the thread count. Memory stays small: each
/// worker holds one chunk of patches, written straight to its place in the file.
/// </summary>
public static class PatchCacheBuilder
{
    /// <summary>Patches a worker decodes before one write to images.npy.</summary>
    private const int ChunkPatches = 64;

    /// <summary>Patches named in a failure message before "and N more".</summary>
    private const int NamedInMessage = 20;

    /// <summary>
    /// Builds the cache. <paramref name="progress"/> gets the number of patches done so far (rising, from any
    /// thread). <paramref name="maxDegreeOfParallelism"/> defaults to the processor count. Corrupt or unreadable
    /// PNGs fail the build with a <see cref="StageException"/> naming them (every patch is tried first, so the
    /// message names them all), or are left out under <c>on_corrupt: skip</c> and listed in the summary. A patch the
    /// dataset lacks always fails the build. On any failure both files are removed.
    /// </summary>
    public static PatchCacheSummary Build(IReadOnlyList<Patch> patches, IPatchReader reader, PreprocessConfig config,
        string imagesNpyPath, string labelsNpyPath, IProgress<int>? progress, CancellationToken ct,
            int? maxDegreeOfParallelism = null)
    {
        if (maxDegreeOfParallelism is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), "at least 1 thread");
        try
        {
            return BuildFiles(patches, reader, config, imagesNpyPath, labelsNpyPath, progress, ct,
                maxDegreeOfParallelism ?? Environment.ProcessorCount);
        }
        catch
        {
            foreach (var path in new[] { imagesNpyPath, labelsNpyPath })
                if (File.Exists(path)) File.Delete(path);
            throw;
        }
    }

    private static PatchCacheSummary BuildFiles(IReadOnlyList<Patch> patches, IPatchReader reader,
        PreprocessConfig config,
        string imagesNpyPath, string labelsNpyPath, IProgress<int>? progress, CancellationToken ct, int threads)
    {
        var size = config.Size;
        var originalSizes = new ImageSize[patches.Count];
        using var images =
            NpyArrayWriter.Create(imagesNpyPath, new NpyHeader(NpyDType.UInt8, patches.Count, size, size, 3));
        var failures = DecodeAll(patches, reader, config, images, originalSizes, progress, ct, threads);
        if (failures.Count > 0 && config.OnCorrupt == InvalidEntryPolicy.Fail)
            throw CorruptFailure(failures, patches.Count);
        var kept = KeptIndices(patches.Count, failures);
        if (failures.Count > 0) images.Compact(kept);
        NpyFile.WriteVector<long>(labelsNpyPath, kept.Select(i => (long)patches[i].Label).ToArray());
        return new PatchCacheSummary
        {
            Size = size,
            Resize = config.Resize,
            Requested = patches.Count,
            KeptIndices = kept,
            Skipped = failures,
            ReshapedBySize = ReshapedBySize(kept, originalSizes, size),
        };
    }

    /// <summary>
    /// Decodes every patch into its slot of <paramref name="images"/>; returns those that could not be read, by index.
    /// </summary>
    private static List<SkippedPatch> DecodeAll(IReadOnlyList<Patch> patches, IPatchReader reader,
        PreprocessConfig config,
        NpyArrayWriter images, ImageSize[] originalSizes, IProgress<int>? progress, CancellationToken ct, int threads)
    {
        var failures = new ConcurrentBag<SkippedPatch>();
        if (patches.Count == 0) return [];
        var patchBytes = PatchDecoder.PatchBytes(config);
        var gate = new object();
        var done = 0;
        var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = threads };
        try
        {
            Parallel.ForEach(Partitioner.Create(0, patches.Count, ChunkPatches), options,
                () => new byte[ChunkPatches * patchBytes],
                (range, _, buffer) =>
                {
                    var (first, end) = range;
                    for (var i = first; i < end; i++)
                    {
                        var slot = buffer.AsSpan((i - first) * patchBytes, patchBytes);
                        try
                        {
                            originalSizes[i] = PatchDecoder.Decode(reader.ReadAllBytes(patches[i].Path), config, slot);
                        }
                        catch (Exception e) when (e is CorruptPatchException or InvalidDataException)
                        {
                            slot.Clear();
                            failures.Add(new SkippedPatch(i, patches[i].Path, e.Message));
                        }
                        catch (PatchTooLargeException e)
                        {
                            throw new StageException($"Preprocess: '{patches[i].Path}': {e.Message}.");
                        }
                    }
                    images.Write(first, buffer.AsSpan(0, (end - first) * patchBytes));
                    lock (gate) progress?.Report(done += end - first);
                    return buffer;
                },
                _ => { });
        }
        catch (AggregateException e)
        {
            var first = e.Flatten().InnerExceptions;
            ExceptionDispatchInfo.Capture(first.FirstOrDefault(x => x is StageException) ?? first[0]).Throw();
        }
        return [.. failures.OrderBy(f => f.Index)];
    }

    private static int[] KeptIndices(int count, List<SkippedPatch> failures)
    {
        var skipped = failures.Select(f => f.Index).ToHashSet();
        return [.. Enumerable.Range(0, count).Where(i => !skipped.Contains(i))];
    }

    private static SortedDictionary<string, int> ReshapedBySize(IReadOnlyList<int> kept, ImageSize[] originalSizes,
        int size)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in kept)
        {
            var original = originalSizes[i];
            if (original.Width == size && original.Height == size) continue;
            var key = original.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private static StageException CorruptFailure(List<SkippedPatch> failures, int total)
    {
        var named = failures.Take(NamedInMessage).Select(f => $"  {f.Path}: {f.Reason}");
        var more = failures.Count > NamedInMessage ? $"\n  ... and {failures.Count - NamedInMessage} more" : "";
        return new StageException(
            $"Preprocess: {failures.Count} of {total} patch files are corrupt or " +
            $"unreadable:\n{string.Join("\n", named)}{more}\n"
            + "Set preprocess.on_corrupt: skip to leave them out (they are then listed, with the reason, in the " +
                "stage's summary).");
    }
}
