using IdcRepro.Config;
using IdcRepro.Training;

namespace IdcRepro.Tests.Training;

public sealed class NormalizerTests
{
    [Fact]
    public void Featurewise_statistics_are_the_per_channel_mean_and_population_std_after_dividing_by_255()
    {
        // Two 1x1 patches: R 0 and 255 (mean 0.5, std 0.5), G 51 twice (mean 0.2, std 0), B 0 and 102 (mean 0.2, std
        // 0.2).
        var images = new PatchImages(new byte[] { 0, 51, 0, 255, 51, 102 }, 2, 1, 1);

        var normalizer = Normalizer.Fit(Normalization.Featurewise, images);

        Assert.Equal([0.5, 0.2, 0.2], normalizer.Mean.Select(m => Math.Round(m, 12)));
        Assert.Equal([0.5, 0.0, 0.2], normalizer.Std.Select(s => Math.Round(s, 12)));
        // Keras: (x / 255 - mean) / (std + 1e-6); for R = 255: (1 - 0.5) / 0.500001
        Assert.Equal((float)(0.5 / 0.500001), 255 * normalizer.Scale()[0] + normalizer.Shift()[0], 6);
    }

    [Fact]
    public void Rescale_only_divides_by_255()
    {
        var normalizer = Normalizer.Fit(Normalization.Rescale, new PatchImages(new byte[] { 1, 2, 3 }, 1, 1, 1));

        Assert.Equal([1 / 255f, 1 / 255f, 1 / 255f], normalizer.Scale());
        Assert.Equal([0f, 0f, 0f], normalizer.Shift());
    }

    [Fact]
    public void Normalization_json_round_trips_exactly()
    {
        using var folder = new TestSupport.TempFolder();
        var normalizer = Normalizer.Fit(Normalization.Featurewise, ToyData.Learnable(8, seed: 1).Images);
        File.WriteAllText(folder.PathOf(Normalizer.FileName), normalizer.ToJson());

        var loaded = Normalizer.Load(folder.PathOf(Normalizer.FileName));

        Assert.Equal(normalizer, loaded);
        Assert.Contains("\"kind\": \"featurewise\"", normalizer.ToJson());
    }

    [Fact]
    public void A_damaged_normalization_json_is_named_in_the_error()
    {
        using var folder = new TestSupport.TempFolder();
        var path = folder.PathOf(Normalizer.FileName);
        File.WriteAllText(path, "{ \"kind\": ");

        var e = Assert.Throws<TrainingCheckpointException>(() => Normalizer.Load(path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
    }
}
