using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Synthetic;

namespace IdcRepro.Tests.Synthetic;

/// <summary>Determinism and the other settings, on configs small enough to write many times.</summary>
public sealed class SyntheticDatasetVariantsTests : IDisposable
{
    private static readonly SyntheticConfig Small = new() { Patients = 4, GridColumns = 10, GridRows = 8 };
    private readonly string _folder = Directory.CreateTempSubdirectory("idc-synthetic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheSameConfig_GivesByteIdenticalZips_WhateverTheThreadCount()
    {
        SyntheticDataset.WriteZip(Small, Zip("a"), progress: null, parallelism: 1);
        SyntheticDataset.WriteZip(Small, Zip("b"), progress: null, parallelism: 4);
        SyntheticDataset.WriteZip(Small, Zip("c"));
        Assert.Equal(Hashing.FileSha256(Zip("a")), Hashing.FileSha256(Zip("b")));
        Assert.Equal(Hashing.FileSha256(Zip("a")), Hashing.FileSha256(Zip("c")));
    }

    [Fact]
    public void AnotherSeed_GivesOtherBytesAndOtherPatients()
    {
        SyntheticDataset.WriteZip(Small, Zip("seed7"));
        SyntheticDataset.WriteZip(Small with { Seed = 8 }, Zip("seed8"));
        Assert.NotEqual(Hashing.FileSha256(Zip("seed7")), Hashing.FileSha256(Zip("seed8")));
        Assert.NotEqual(Patients(Zip("seed7")), Patients(Zip("seed8")));
    }

    [Fact]
    public void MorePatients_KeepTheFirstPatientsIds()
    {
        SyntheticDataset.WriteZip(Small with { Patients = 3 }, Zip("three"));
        SyntheticDataset.WriteZip(Small with { Patients = 5 }, Zip("five"));
        Assert.Subset(Patients(Zip("five")).ToHashSet(), Patients(Zip("three")).ToHashSet());
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void TheShareOfIdcPatches_FollowsIdcFraction(double fraction)
    {
        var summary = SyntheticDataset.WriteZip(Small with { IdcFraction = fraction }, Zip("share"));
        Assert.InRange(summary.Class1 / (double)summary.Patches, fraction - 0.05, fraction + 0.05);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void EdgeFraction_SetsHowManyPatchesAreCutShort(double fraction)
    {
        var config = Small with { EdgeFraction = fraction };
        var summary = SyntheticDataset.WriteZip(config, Zip("edges"));
        using var zip = ZipFile.OpenRead(Zip("edges"));
        var cut = zip.Entries.Count(e =>
        {
            using var stream = e.Open();
            var info = SixLabors.ImageSharp.Image.Identify(stream);
            return info.Width < config.PatchSize || info.Height < config.PatchSize;
        });
        Assert.InRange(cut, (int)(0.5 * fraction * summary.Patches),
            (int)Math.Ceiling(fraction * summary.Patches) + config.Patients);
    }

    [Fact]
    public void TheSmallestConfig_StillMakesAValidDataset()
    {
        var tiny = new SyntheticConfig
        {
            Patients = 2, GridColumns = 2, GridRows = 2, PatchSize = 8, IdcFraction = 0.5, EdgeFraction = 1
        };
        var summary = SyntheticDataset.WriteZip(tiny, Zip("tiny"));
        Assert.Equal(2, summary.Patients);
        Assert.Equal(summary.Patches, summary.Class0 + summary.Class1);
        using var zip = ZipFile.OpenRead(Zip("tiny"));
        Assert.Equal(summary.Patches, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.Matches(SyntheticZip.EntryName(), e.FullName));
    }

    [Fact]
    public void Progress_CountsEveryPatchWritten()
    {
        var reports = new List<int>();
        var summary = SyntheticDataset.WriteZip(Small, Zip("progress"), new Recorder(reports));
        Assert.Equal(Enumerable.Range(1, summary.Patches), reports);
    }

    [Fact]
    public void AnExistingFile_IsReplacedWhole()
    {
        File.WriteAllText(Zip("old"), "not a zip");
        var summary = SyntheticDataset.WriteZip(Small, Zip("old"));
        using var zip = ZipFile.OpenRead(Zip("old"));
        Assert.Equal(summary.Patches, zip.Entries.Count);
        Assert.Single(Directory.GetFiles(_folder));
    }

    private string Zip(string name) => Path.Combine(_folder, name + ".zip");

    private static List<string> Patients(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Records progress reports as they come, on the reporting thread (Progress&lt;T&gt; would post them later).
    /// </summary>
    private sealed class Recorder(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
