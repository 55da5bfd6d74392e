using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Data.Npy;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Tests.Data;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Preprocess;

public sealed class PatchCacheBuilderTests : IDisposable
{
    private readonly TempFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string Images => _scratch.PathOf("images.npy");
    private string Labels => _scratch.PathOf("labels.npy");

    /// <summary>
    /// A small dataset zip in the IDC layout: mostly 50x50 patches, one 50x42 edge patch, and optionally junk at
    /// <paramref name="corruptAt"/>.
    /// </summary>
    private (List<Patch> Patches, List<byte[]> Pixels, string Zip) Dataset(int count, params int[] corruptAt)
    {
        var patches = new List<Patch>();
        var pixels = new List<byte[]>();
        var entries = new List<(string, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var label = i % 3 == 0 ? 1 : 0;
            var height = i == 2 ? 42 : 50;
            var path = $"8863/{label}/8863_idx5_x{i * 50}_y100_class{label}.png";
            var source = TestPngs.Pixels(50, height, seed: i);
            patches.Add(new Patch(path, "8863", i * 50, 100, label));
            pixels.Add(source);
            entries.Add((path,
                corruptAt.Contains(i) ? TestPngs.Rgb(50, 50, seed: i)[..200] : TestPngs.Rgb(50, height, source)));
        }
        var zip = _scratch.PathOf("data.zip");
        TestPngs.Zip(zip, entries);
        return (patches, pixels, zip);
    }

    private PatchCacheSummary Build(List<Patch> patches, string zip, PreprocessConfig config, int? threads = null,
        IProgress<int>? progress = null)
    {
        using var reader = PatchReader.Open(new DatasetLocation(DatasetKind.Zip, zip, ""));
        return PatchCacheBuilder.Build(patches, reader, config, Images, Labels, progress,
            CancellationToken.None, threads);
    }

    [Fact]
    public void The_cache_holds_the_exact_pixels_and_labels_of_the_patches_in_order()
    {
        var (patches, pixels, zip) = Dataset(7);

        var summary = Build(patches, zip, new PreprocessConfig { Resize = ResizeMode.Pad });

        using var images = NpyMappedArray.Open(Images);
        Assert.Equal(new NpyHeader(NpyDType.UInt8, 7, 50, 50, 3), images.Header);
        for (var i = 0; i < 7; i++) Assert.Equal(pixels[i], images.Item(i)[..pixels[i].Length].ToArray());
        Assert.Equal(patches.Select(p => (long)p.Label), NpyFile.ReadVector<long>(Labels));
        Assert.Equal(7, summary.Kept);
        Assert.Equal(Enumerable.Range(0, 7), summary.KeptIndices);
        Assert.Empty(summary.Skipped);
        Assert.Equal(new Dictionary<string, int> { ["50x42"] = 1 }, summary.ReshapedBySize);
        Assert.Equal(1, summary.Padded);
        Assert.Equal(0, summary.Resized);
    }

    [Fact]
    public void A_resized_patch_is_counted_by_its_original_size()
    {
        var (patches, _, zip) = Dataset(4);

        var summary = Build(patches, zip, new PreprocessConfig());

        Assert.Equal(1, summary.Resized);
        Assert.Equal(new Dictionary<string, int> { ["50x42"] = 1 }, summary.ReshapedBySize);
    }

    [Fact]
    public void A_corrupt_png_fails_the_build_by_name_and_says_how_to_skip_it()
    {
        var (patches, _, zip) = Dataset(6, corruptAt: 3);

        var error = Assert.Throws<StageException>(() => Build(patches, zip, new PreprocessConfig()));

        Assert.Contains(patches[3].Path, error.Message);
        Assert.Contains("preprocess.on_corrupt: skip", error.Message);
        Assert.DoesNotContain(patches[2].Path, error.Message);
        Assert.False(File.Exists(Images), "a failed build leaves no half-made images.npy");
    }

    [Fact]
    public void Skip_leaves_corrupt_pngs_out_and_keeps_the_rest_in_order()
    {
        var (patches, pixels, zip) = Dataset(8, corruptAt: [3, 6]);

        var summary = Build(patches, zip,
            new PreprocessConfig { OnCorrupt = InvalidEntryPolicy.Skip, Resize = ResizeMode.Pad });

        int[] kept = [0, 1, 2, 4, 5, 7];
        Assert.Equal(kept, summary.KeptIndices);
        Assert.Equal([3, 6], summary.Skipped.Select(s => s.Index));
        Assert.Equal([patches[3].Path, patches[6].Path], summary.Skipped.Select(s => s.Path));
        Assert.All(summary.Skipped, s => Assert.Contains("cut short", s.Reason));
        using var images = NpyMappedArray.Open(Images);
        Assert.Equal(kept.Length, images.Count);
        for (var row = 0; row < kept.Length; row++)
            Assert.Equal(pixels[kept[row]], images.Item(row)[..pixels[kept[row]].Length].ToArray());
        Assert.Equal(kept.Select(i => (long)patches[i].Label), NpyFile.ReadVector<long>(Labels));
    }

    [Fact]
    public void The_files_are_byte_identical_with_one_thread_and_with_two()
    {
        var (patches, _, zip) = Dataset(150, corruptAt: [5, 77, 140]);
        var config = new PreprocessConfig { OnCorrupt = InvalidEntryPolicy.Skip };

        Build(patches, zip, config, threads: 1);
        var one = (File.ReadAllBytes(Images), File.ReadAllBytes(Labels));
        Build(patches, zip, config, threads: 2);
        var two = (File.ReadAllBytes(Images), File.ReadAllBytes(Labels));

        Assert.Equal(one.Item1, two.Item1);
        Assert.Equal(one.Item2, two.Item2);
        Assert.Equal(128 + 147 * 7500, one.Item1.Length);
    }

    [Fact]
    public void Progress_counts_up_to_every_patch()
    {
        var (patches, _, zip) = Dataset(150);
        var reports = new List<int>();

        Build(patches, zip, new PreprocessConfig(), threads: 2, progress: new SynchronousProgress(reports));

        Assert.Equal(150, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void A_missing_entry_fails_the_build_whatever_on_corrupt_says()
    {
        var (patches, _, zip) = Dataset(3);
        patches.Add(new Patch("8863/0/8863_idx5_x0_y0_class0.png", "8863", 0, 0, 0));

        var error = Assert.Throws<StageException>(() =>
            Build(patches, zip, new PreprocessConfig { OnCorrupt = InvalidEntryPolicy.Skip }));

        Assert.Contains("8863/0/8863_idx5_x0_y0_class0.png", error.Message);
    }

    [Fact]
    public void Padding_to_a_size_smaller_than_a_patch_fails_by_name_with_the_fix()
    {
        var (patches, _, zip) = Dataset(3);

        var error = Assert.Throws<StageException>(() =>
            Build(patches, zip,
                new PreprocessConfig { Size = 32, Resize = ResizeMode.Pad, OnCorrupt = InvalidEntryPolicy.Skip }));

        Assert.Contains(patches, p => error.Message.Contains(p.Path));
        Assert.Contains("preprocess.size", error.Message);
    }

    [Fact]
    public void Cancelling_stops_the_build_and_leaves_no_files()
    {
        var (patches, _, zip) = Dataset(20);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var reader = PatchReader.Open(new DatasetLocation(DatasetKind.Zip, zip, ""));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PatchCacheBuilder.Build(patches, reader, new PreprocessConfig(), Images, Labels, null, cancel.Token));
        Assert.False(File.Exists(Images));
    }

    [Fact]
    public void An_empty_patch_list_gives_empty_arrays()
    {
        var (_, _, zip) = Dataset(1);

        var summary = Build([], zip, new PreprocessConfig());

        using var images = NpyMappedArray.Open(Images);
        Assert.Equal(0, images.Count);
        Assert.Empty(NpyFile.ReadVector<long>(Labels));
        Assert.Equal(0, summary.Kept);
    }

    /// <summary>
    /// Records reports as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).
    /// </summary>
    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
