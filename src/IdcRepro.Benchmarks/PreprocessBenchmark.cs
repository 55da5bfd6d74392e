using System.Diagnostics;
using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Indexing;
using IdcRepro.Preprocess;
using IdcRepro.Synthetic;

namespace IdcRepro.Benchmarks;

/// <summary>How fast Preprocess decodes on this machine: patches, and the seconds the cache build took.</summary>
public sealed record PreprocessBenchmarkResult(int Patches, int Threads, double Seconds)
{
    public double PatchesPerSecond => Patches / Seconds;
}

/// <summary>
/// Times the Preprocess core (<see cref="PatchCacheBuilder"/>) on a synthetic zip of PNG patches in the original
/// archive's layout, written first to <c>folder</c> and not timed. Reads come from the page cache (the zip was just
/// written), so this measures decoding, not the disk.
/// </summary>
public static class PreprocessBenchmark
{
    /// <summary>
    /// The synthetic generator's average patches per patient with its default grid (the demo's 12 patients give 2,073).
    /// </summary>
    private const double PatchesPerPatient = 170;

    public static PreprocessBenchmarkResult Run(PreprocessConfig config, int patches, string folder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patches, 1);
        Directory.CreateDirectory(folder);
        var zip = Path.Combine(folder, "preprocess-bench.zip");
        var synthetic = new SyntheticConfig { Patients = Math.Max(2, (int)Math.Ceiling(patches / PatchesPerPatient)) };
        SyntheticDataset.WriteZip(synthetic, zip);
        var list = Listed(zip).Take(patches).ToArray();

        using var reader = ZipPatchReader.Open(zip);
        var images = Path.Combine(folder, "images.npy");
        var labels = Path.Combine(folder, "labels.npy");
        var clock = Stopwatch.StartNew();
        PatchCacheBuilder.Build(list, reader, config, images, labels, progress: null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var file in new[] { zip, images, labels }) File.Delete(file);
        return new PreprocessBenchmarkResult(list.Length, Environment.ProcessorCount, seconds);
    }

    private static IEnumerable<Patch> Listed(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries
            .Select(e => PatchName.Parse(e.FullName).Patch)
            .OfType<Patch>()
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToArray();
    }
}
