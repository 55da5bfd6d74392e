using System.Diagnostics;
using System.IO.Compression;
using IdcRepro.Preprocess;
using IdcRepro.Sampling;
using IdcRepro.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Snapshooter;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Sampling;

/// <summary>Preprocess, Split and Undersample on the real sample and the demo data, locked by snapshots.</summary>
public sealed class DataStagesTests : IClassFixture<DataStagesTests.Artifacts>
{
    /// <summary>One artifacts folder for the class, so the real sample is decoded once.</summary>
    public sealed class Artifacts : IDisposable
    {
        public TempFolder Folder { get; } = new();
        public void Dispose() => Folder.Dispose();
    }

    private readonly TempFolder _temp;

    public DataStagesTests(Artifacts artifacts) => _temp = artifacts.Folder;

    private static string SampleConfig => Path.Combine(RepoPaths.Configs, "sample.yaml");
    private static string DemoConfig => Path.Combine(RepoPaths.Configs, "demo.yaml");

    /// <summary>Runs Fetch to Undersample; returns which stages ran.</summary>
    private string[] RunAll(string config, params string[] sets)
    {
        return new TestRun(config, _temp.Path, sets).Through(Graph.Undersample);
    }

    private object Summary(string config, params string[] sets)
    {
        RunAll(config, sets);
        var run = new TestRun(config, _temp.Path, sets);
        return new
        {
            split = run.Read(Graph.Split, SplitStage.Read).Summary,
            undersample = run.Read(Graph.Undersample, UndersampleStage.Read).Balance.ToDictionary(
                b => b.Key,
                b => new Dictionary<string, ClassCounts> { ["before"] = b.Value.Before, ["after"] = b.Value.After }),
        };
    }

    [Theory]
    [InlineData("sample", "random")]
    [InlineData("sample", "patient")]
    [InlineData("demo", "random")]
    [InlineData("demo", "patient")]
    public void Split_and_undersampling_are_locked(string data, string strategy)
    {
        string[] sets = strategy == "patient"
            ? ["split.strategy=patient", "split.validation_fraction=0.15", "split.stratify=true"]
            : [];
        var summary = Summary(data == "sample" ? SampleConfig : DemoConfig, sets);
        Snapshot.Match(summary, SnapshotNameExtension.Create(data, strategy));
    }

    [Fact]
    public void Second_run_skips_everything_and_a_new_split_seed_reruns_split_and_undersample_only()
    {
        RunAll(DemoConfig);
        var watch = Stopwatch.StartNew();
        Assert.Empty(RunAll(DemoConfig));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"an up-to-date check took {watch.Elapsed}");
        Assert.Equal(["Split", "Undersample"], RunAll(DemoConfig, "split.seed=7"));
        Assert.Equal(["Undersample"], RunAll(DemoConfig, "undersample.seed=3"));
    }

    [Fact]
    public void Real_sample_cache_loads_in_numpy_and_its_pixels_match_the_pngs_decoded_independently()
    {
        RunAll(SampleConfig);
        var cache = new TestRun(SampleConfig, _temp.Path).Read(Graph.Preprocess, PreprocessStage.Read);
        var patches = cache.Patches;
        var images = cache.ImagesPath;

        // Rows to check: the first, a late one, and the first cut-short edge patch (resized).
        using var zip = ZipFile.OpenRead(RepoPaths.SampleZip);
        Image<Rgb24> Decode(int row)
        {
            using var stream = zip.GetEntry(patches[row].Path)!.Open();
            return Image.Load<Rgb24>(stream);
        }
        var edge = Enumerable.Range(0, patches.Count)
            .First(r => { using var i = Decode(r); return i.Height < 50 || i.Width < 50; });
        int[] rows = [0, 20_000, patches.Count - 1];

        var script = $"import numpy as np; a = np.load('{images}', mmap_mode='r'); " +
                     $"l = np.load('{Path.Combine(cache.Directory, PreprocessStage.LabelsFile)}'); " +
                     $"print(a.shape, a.dtype, l.shape, l.dtype); " +
                     string.Concat(rows.Select(r => $"print(' '.join(str(v) for v in a[{r}, [0, 17, 49], " +
                         "[0, 33, 49], :].ravel().tolist())); "));
        var output = Numpy.Run(script).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("(26252, 50, 50, 3) uint8 (26252,) int64", output[0]);

        for (var k = 0; k < rows.Length; k++)
        {
            using var image = Decode(rows[k]);
            Assert.Equal((50, 50), (image.Width, image.Height));
            var expected = new[] { (0, 0), (17, 33), (49, 49) }
                .SelectMany(p => { var px = image[p.Item2, p.Item1]; return new[] { px.R, px.G, px.B }; });
            Assert.Equal(string.Join(' ', expected), output[k + 1]);
        }
        Assert.NotEqual(0, edge); // the sample does hold cut-short patches, and they made it into the cache
    }
}
