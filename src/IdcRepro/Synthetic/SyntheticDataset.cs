using IdcRepro.Config;
using IdcRepro.Pipeline;

namespace IdcRepro.Synthetic;

/// <summary>
/// Makes a deterministic IDC-like dataset in the original archive's layout and naming: H&amp;E-looking patches of
/// a few synthetic patients, each a tissue region with one or two IDC areas. The same config gives the same zip
/// bytes on any machine and with any number of threads.
/// </summary>
/// <remarks>
/// How the bytes stay fixed: every random value comes from <see cref="Random(int)"/> (a stable algorithm) or a hash of
/// (config seed, patient, position, purpose), never from the order of work; the arithmetic is IEEE +, -, *, /,
/// floor and sqrt, which are exactly rounded everywhere (no sin, exp or pow, whose last bit may differ between
/// CPUs and runtimes); the PNG encoder runs with fixed settings and no metadata chunks; the zip is written by
/// <see cref="StoredZipWriter"/>, not System.IO.Compression, which records the OS it runs on.
/// </remarks>
public static class SyntheticDataset
{
    private const int BatchSize = 256;

    /// <summary>
    /// Writes the dataset to <paramref name="zipPath"/> (atomically: a reader never sees half a zip): stored entries
    /// in ordinal order of their path, all dated 2019-01-01. <paramref name="progress"/> gets the number of patches
    /// written so far.
    /// </summary>
    public static SyntheticSummary WriteZip(SyntheticConfig config, string zipPath, IProgress<int>? progress = null) =>
        WriteZip(config, zipPath, progress, parallelism: -1);

    /// <summary>
    /// <see cref="WriteZip(SyntheticConfig, string, IProgress{int}?)"/> painting on at most
    /// <paramref name="parallelism"/> threads (-1: as many as there are cores).
    /// </summary>
    internal static SyntheticSummary WriteZip(SyntheticConfig config, string zipPath, IProgress<int>? progress,
        int parallelism)
    {
        var slides = Slides(config);
        var patches = slides.SelectMany(s => s.Patches)
            .Select(p => (Name: p.EntryName, Patch: p))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();

        AtomicFile.Write(zipPath, temporary =>
        {
            using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            var zip = new StoredZipWriter(file);
            var pngs = new byte[BatchSize][];
            for (var start = 0; start < patches.Length; start += BatchSize)
            {
                var count = Math.Min(BatchSize, patches.Length - start);
                // Painting is the slow part and is order-free; writing stays sequential, in sorted order.
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
                {
                    var patch = patches[start + i].Patch;
                    pngs[i] = PatchPng.Encode(SyntheticPatchPainter.Paint(patch), patch.Width, patch.Height);
                });
                for (var i = 0; i < count; i++)
                {
                    zip.Add(patches[start + i].Name, pngs[i]);
                    progress?.Report(start + i + 1);
                }
            }
            zip.Finish();
        });

        var class1 = patches.Count(p => p.Patch.Label == 1);
        return new SyntheticSummary(slides.Count, patches.Length, patches.Length - class1, class1);
    }

    /// <summary>
    /// The patients' slides, in the order their ids were drawn, with IDC quotas that hit the target share overall.
    /// </summary>
    internal static IReadOnlyList<SyntheticSlide> Slides(SyntheticConfig config)
    {
        var ids = PatientIds(config.Patients, new Random(config.Seed));
        var seeds =
            ids.Select(id => SyntheticNoise.Hash((ulong)config.Seed, id, 0, NoisePurpose.PatientSeed)).ToArray();
        var regions = seeds
            .Select(seed =>
                TissueRegion.Generate(config.GridColumns, config.GridRows, seed,
                new Random(SyntheticSlide.SeedFor(seed, NoisePurpose.RegionRandom))))
            .ToArray();
        // Patients differ in how much of their tissue is IDC (0.35x to 1.65x the target share), as in the real data.
        var weights =
            seeds.Select(seed => 0.35 + 1.3 * SyntheticNoise.Unit(seed, 0, 0, NoisePurpose.IdcWeight)).ToArray();
        var quotas = IdcQuota.Allocate(regions.Select(r => r.Count).ToArray(), weights, config.IdcFraction);
        return ids.Select((id, i) =>
            new SyntheticSlide(id, seeds[i], config.PatchSize, regions[i], quotas[i], config.EdgeFraction)).ToArray();
    }

    /// <summary>Distinct ids that look like the real ones: 4-5 digit numbers from 8000 up.</summary>
    private static int[] PatientIds(int count, Random random)
    {
        var span = Math.Max(10_000, 4 * count);
        var ids = new HashSet<int>();
        var order = new List<int>(count);
        while (order.Count < count)
        {
            var id = 8000 + random.Next(span);
            if (ids.Add(id)) order.Add(id);
        }
        return [.. order];
    }
}

/// <summary>
/// What <see cref="SyntheticDataset.WriteZip"/> wrote: how many patients and patches, and how many of each class.
/// </summary>
public sealed record SyntheticSummary(int Patients, int Patches, int Class0, int Class1);
