using IdcRepro.Config;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Torch;
using IdcRepro.Training;
using static TorchSharp.torch;

namespace IdcRepro.Tests.Training;

[Collection(TorchTrainingCollection.Name)] // the predictor sets libtorch's (process-wide) thread count
public sealed class DihedralViewsTests
{
    /// <summary>One 3-channel 3x3 patch with no symmetry: value 9c + 3i + j at channel c, row i, column j.</summary>
    private static Tensor Asymmetric() => arange(27, dtype: ScalarType.Float32).reshape(1, 3, 3, 3);

    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    [Fact]
    public void The_views_are_the_identity_the_quarter_turns_and_their_mirror_images()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var x = Asymmetric();
        float At(Tensor t, int c, int i, int j) => t[0, c, i, j].item<float>();

        Assert.Equal(Values(x), Values(DihedralViews.Apply(x, 0)));
        var quarter = DihedralViews.Apply(x, 1);   // counter-clockwise as displayed: out[i, j] = in[j, 2 - i]
        var mirror = DihedralViews.Apply(x, 4);    // left-right: out[i, j] = in[i, 2 - j]
        var mirrorQuarter = DihedralViews.Apply(x, 5); // mirrored, then turned: out[i, j] = mirror[j, 2 - i] = in[j, i]
        for (var c = 0; c < 3; c++)
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++)
                {
                    Assert.Equal(At(x, c, j, 2 - i), At(quarter, c, i, j));
                    Assert.Equal(At(x, c, i, 2 - j), At(mirror, c, i, j));
                    Assert.Equal(At(x, c, j, i), At(mirrorQuarter, c, i, j));
                }
    }

    [Fact]
    public void The_eight_views_of_an_asymmetric_patch_differ_and_form_a_group()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var x = Asymmetric();
        var views = Enumerable.Range(0, DihedralViews.Count)
            .Select(v => string.Join(',', Values(DihedralViews.Apply(x, v)))).ToArray();
        Assert.Equal(8, views.Distinct().Count());

        // Closed under composition (view b of view a is a view), and every view has an inverse (some b brings it back).
        for (var a = 0; a < 8; a++)
        {
            var composed = Enumerable.Range(0, 8)
                .Select(b => string.Join(',', Values(DihedralViews.Apply(DihedralViews.Apply(x, a), b)))).ToArray();
            Assert.All(composed, c => Assert.Contains(c, views));
            Assert.Contains(views[0], composed);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => DihedralViews.Apply(x, 8));
    }

    [Fact]
    public void The_mean_over_views_is_the_mean_of_the_eight_views_scored_separately()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = new IdcCnn(ToyData.Config().Model, ToyData.Size);
        model.eval();
        using var noGrad = no_grad();
        var batch = randn(6, 3, ToyData.Size, ToyData.Size);
        Tensor Score(Tensor x) => model.forward(x).sigmoid();

        var mean = DihedralViews.MeanOverViews(batch, Score);

        var separately = Enumerable.Range(0, 8)
            .Select(v => Score(DihedralViews.Apply(batch, v).contiguous().clone())).ToArray();
        var sum = separately[0];
        for (var v = 1; v < 8; v++) sum = sum + separately[v];
        Assert.Equal(Values(sum / 8), Values(mean));
        Assert.Equal([6L, 2L], mean.shape);
        // A group average: every view of a batch has the same mean (up to summation order).
        Assert.True(DihedralViews.MeanOverViews(DihedralViews.Apply(batch, 6), Score)
            .allclose(mean, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void The_predictor_scores_as_before_without_tta_and_averages_the_views_with_it()
    {
        TorchRuntime.EnsureLoaded();
        using var folder = new TempFolder();
        var config = ToyData.Config();
        var data = ToyData.Learnable(7, seed: 11);
        var normalizer = Normalizer.Fit(Normalization.Featurewise, data.Images);
        var weights = folder.PathOf("best.pt");
        manual_seed(9);
        using (var trained = new IdcCnn(config.Model, ToyData.Size)) trained.save(weights);
        using var predictor = Predictor.Load(new ModelDescription(config.Model, ToyData.Size, LossKind.Bce), weights,
            normalizer, new ComputeSettings(DeviceChoice.Cpu, 1));

        var plain = predictor.Score(data.Images);
        var tta = predictor.Score(data.Images, testTimeAugmentation: true);

        // Today's scores, computed by hand: normalise, one forward pass, sigmoid.
        using var scope = NewDisposeScope();
        using var model = new IdcCnn(config.Model, ToyData.Size);
        model.load(weights);
        model.eval();
        using var noGrad = no_grad();
        using var augmenter = new Augmenter(new AugmentConfig(), normalizer, CPU);
        var inputs = augmenter.Prepare(tensor(data.Images.Pixels.ToArray(), [7, ToyData.Size, ToyData.Size, 3]));
        var expected = Values(model.forward(inputs).sigmoid());
        Assert.Equal(expected, plain.SelectMany(p => new[] { p.P0, p.P1 }));

        var views = Enumerable.Range(0, 8)
            .Select(v => model.forward(DihedralViews.Apply(inputs, v)).sigmoid()).ToArray();
        var sum = views[0];
        for (var v = 1; v < 8; v++) sum = sum + views[v];
        Assert.Equal(Values(sum / 8), tta.SelectMany(p => new[] { p.P0, p.P1 }));
        Assert.NotEqual(plain, tta);
    }
}
