using IdcRepro.Config;
using IdcRepro.Torch;
using IdcRepro.Training;
using static TorchSharp.torch;

namespace IdcRepro.Tests.Training;

public sealed class AugmenterTests
{
    // A 4x4 patch, the same in R, G and B:   0  1  2  3 /  4  5  6  7 /  8  9 10 11 / 12 13 14 15 (times 10).
    private static readonly byte[,] Grid = Square(4, (i, j) => (byte)(10 * (4 * i + j)));

    [Fact]
    public void Without_rotation_or_flips_augmentation_is_the_identity_on_normalised_patches()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var data = ToyData.Learnable(6, seed: 3);
        var normalizer = Normalizer.Fit(Normalization.Featurewise, data.Images);
        using var augmenter = new Augmenter(
            new AugmentConfig { RotationDegrees = 0, HorizontalFlip = false, VerticalFlip = false }, normalizer, CPU);
        var images = Upload(data.Images);
        var rows = tensor(new long[] { 5, 0, 3 });

        var augmented = augmenter.Augment(images, rows, augmenter.Upload(new PatchTransform[3]));

        Assert.Equal(Values(augmenter.Prepare(images, rows)), Values(augmented));
        var firstPixel = (data.Images.Pixels.Span[5 * data.Images.PatchBytes] / 255.0 - normalizer.Mean[0]) /
            (normalizer.Std[0] + 1e-6);
        Assert.Equal(firstPixel, augmented[0, 0, 0, 0].item<float>(), 5);
    }

    [Theory]
    [InlineData(RotationInterpolation.Nearest)]
    [InlineData(RotationInterpolation.Bilinear)]
    public void A_90_degree_rotation_turns_the_patch_counter_clockwise(RotationInterpolation interpolation)
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        using var augmenter = new Augmenter(new AugmentConfig { Interpolation = interpolation },
            Normalizer.Rescale, CPU);
        var image = Upload(Patch(Grid));

        var rotated = augmenter.Augment(image, tensor(new long[] { 0 }),
            augmenter.Upload([new PatchTransform(90, false, false)]));

        // Counter-clockwise (align_corners false: about the centre (size - 1) / 2, pixel centres onto pixel centres):
        // out[i, j] = in[j, 3 - i], the transpose flipped top-bottom: 3 7 11 15 / 2 6 10 14 / 1 5 9 13 / 0 4 8 12.
        var expected = augmenter.Prepare(Upload(Patch(Square(4, (i, j) => Grid[j, 3 - i]))), tensor(new long[] { 0 }));
        Assert.Equal(30 / 255f, rotated[0, 0, 0, 0].item<float>(), 6);
        if (interpolation == RotationInterpolation.Nearest) Assert.Equal(Values(expected), Values(rotated));
        else Assert.True(rotated.allclose(expected, rtol: 0, atol: 1e-6));
    }

    [Theory]
    [InlineData(0.0)]     // flips by torch.flip, grid_sample bypassed
    [InlineData(180.0)]   // flips folded into the sampling matrix, with a 0-degree rotation
    public void A_horizontal_flip_matches_torch_flip_and_a_vertical_one_flips_rows(double rotationRange)
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var config =
            new AugmentConfig { RotationDegrees = rotationRange, Interpolation = RotationInterpolation.Nearest };
        using var augmenter = new Augmenter(config, Normalizer.Rescale, CPU);
        var images = Upload(ToyData.Learnable(2, seed: 5).Images);
        var rows = tensor(new long[] { 0, 1 });
        var plain = augmenter.Prepare(images, rows);

        var flipped = augmenter.Augment(images, rows,
            augmenter.Upload([new PatchTransform(0, true, false), new PatchTransform(0, false, true)]));

        Assert.Equal(Values(plain[0].flip(2)), Values(flipped[0]));   // [C, H, W]: W is dimension 2 of one patch
        Assert.Equal(Values(plain[1].flip(1)), Values(flipped[1]));
    }

    [Fact]
    public void Zeros_fill_is_black_before_normalisation_and_nearest_fill_repeats_the_edge()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var normalizer = new Normalizer(Normalization.Featurewise, [0.5, 0.5, 0.5], [0.25, 0.25, 0.25]);
        var image = Upload(Patch(Square(8, (_, _) => 200)));   // 45 degrees takes the corner 1.45 pixels outside
        var rows = tensor(new long[] { 0 });
        using var zeros = new Augmenter(new AugmentConfig { Fill = RotationFill.Zeros }, normalizer, CPU);
        using var nearest = new Augmenter(new AugmentConfig { Fill = RotationFill.Nearest }, normalizer, CPU);
        PatchTransform[] turn = [new(45, false, false)];

        var corner = zeros.Augment(image, rows, zeros.Upload(turn))[0, 0, 0, 0].item<float>();
        var edge = nearest.Augment(image, rows, nearest.Upload(turn))[0, 0, 0, 0].item<float>();

        Assert.Equal((0 - 0.5) / (0.25 + 1e-6), corner, 4);
        Assert.Equal((200 / 255.0 - 0.5) / (0.25 + 1e-6), edge, 4);
    }

    [Fact]
    public void Draws_are_uniform_in_the_range_and_flip_about_half_the_time()
    {
        TorchRuntime.EnsureLoaded();
        using var augmenter = new Augmenter(new AugmentConfig { RotationDegrees = 30 }, Normalizer.Rescale, CPU);
        var random = new IdcRepro.Sampling.SeededRandom(1);

        var draws = Enumerable.Range(0, 4000).Select(_ => augmenter.Draw(random)).ToList();

        Assert.All(draws, d => Assert.InRange(d.AngleDegrees, -30, 30));
        Assert.InRange(draws.Average(d => d.AngleDegrees), -1.5, 1.5);
        Assert.InRange(draws.Count(d => d.FlipHorizontal), 1850, 2150);
        Assert.InRange(draws.Count(d => d.FlipVertical), 1850, 2150);
    }

    [Fact]
    public void Without_colour_ranges_nothing_is_drawn_or_uploaded_for_colour()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        using var augmenter = new Augmenter(new AugmentConfig(), Normalizer.Rescale, CPU);
        var random = new IdcRepro.Sampling.SeededRandom(4);
        var reference = new IdcRepro.Sampling.SeededRandom(4);

        var draw = augmenter.Draw(random);

        // Today's draws: the angle, then one number per enabled flip; nothing for colour.
        Assert.Equal(new PatchTransform((2 * reference.NextDouble() - 1) * 180, reference.NextDouble() < 0.5,
            reference.NextDouble() < 0.5), draw);
        Assert.Null(draw.Color);
        Assert.Equal(reference.NextUInt64(), random.NextUInt64());
        Assert.Null(augmenter.Upload([draw]).Color);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 0.1, 1)]
    [InlineData(0.3, 0.0, 0.2, 0.0, 2)]
    [InlineData(0.3, 0.4, 0.2, 0.05, 4)]
    public void Colour_draws_follow_the_geometric_ones_one_number_per_enabled_range(double brightness, double contrast,
        double saturation, double hue, int numbers)
    {
        TorchRuntime.EnsureLoaded();
        var color =
            new ColorJitterConfig { Brightness = brightness, Contrast = contrast, Saturation = saturation, Hue = hue };
        using var augmenter = new Augmenter(new AugmentConfig { Color = color }, Normalizer.Rescale, CPU);
        using var plain = new Augmenter(new AugmentConfig(), Normalizer.Rescale, CPU);
        var random = new IdcRepro.Sampling.SeededRandom(6);
        var reference = new IdcRepro.Sampling.SeededRandom(6);

        var draw = augmenter.Draw(random);
        var geometric = plain.Draw(reference);
        for (var k = 0; k < numbers; k++) reference.NextDouble();

        Assert.Equal(geometric, draw with { Color = null });
        Assert.Equal(reference.NextUInt64(), random.NextUInt64());
        var jitter = draw.Color!.Value;
        if (brightness == 0) Assert.Equal(1, jitter.Brightness);
        if (contrast == 0) Assert.Equal(1, jitter.Contrast);
        if (hue == 0) Assert.Equal(0, jitter.Hue);
    }

    [Fact]
    public void Colour_factors_are_uniform_in_torchvision_s_ranges()
    {
        TorchRuntime.EnsureLoaded();
        var color = new ColorJitterConfig { Brightness = 0.3, Contrast = 2, Saturation = 0.5, Hue = 0.1 };
        using var augmenter = new Augmenter(new AugmentConfig { Color = color }, Normalizer.Rescale, CPU);
        var random = new IdcRepro.Sampling.SeededRandom(2);

        var draws = Enumerable.Range(0, 4000).Select(_ => augmenter.Draw(random).Color!.Value).ToList();

        Assert.All(draws, d => Assert.InRange(d.Brightness, 0.7, 1.3));
        Assert.All(draws, d => Assert.InRange(d.Contrast, 0, 3));        // max(0, 1 - 2) = 0
        Assert.All(draws, d => Assert.InRange(d.Saturation, 0.5, 1.5));
        Assert.All(draws, d => Assert.InRange(d.Hue, -0.1, 0.1));
        Assert.InRange(draws.Average(d => d.Brightness), 0.99, 1.01);
        Assert.InRange(draws.Average(d => d.Contrast), 1.45, 1.55);
        Assert.InRange(draws.Average(d => d.Hue), -0.005, 0.005);
    }

    [Theory]
    [InlineData(0.0)]     // flips by torch.flip
    [InlineData(180.0)]   // through grid_sample
    public void Colour_changes_come_after_the_geometry_on_the_0_to_1_image_and_before_normalisation(
        double rotationRange)
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var config = new AugmentConfig
        {
            RotationDegrees = rotationRange, Interpolation = RotationInterpolation.Nearest,
            Color = new ColorJitterConfig { Brightness = 0.5, Saturation = 0.5 }
        };
        var normalizer = new Normalizer(Normalization.Featurewise, [0.5, 0.4, 0.3], [0.2, 0.25, 0.3]);
        using var augmenter = new Augmenter(config, normalizer, CPU);
        var images = Upload(ToyData.Learnable(2, seed: 8).Images);
        var rows = tensor(new long[] { 1, 0 });
        PatchTransform[] transforms = [new(0, true, false, new ColorJitter(1.5, 1, 0.25, 0)),
            new(0, false, true, new ColorJitter(0.8, 1, 1.4, 0))];

        var augmented = augmenter.Augment(images, rows, augmenter.Upload(transforms));

        // By hand: flip, then brightness and saturation with ColorAdjust on x / 255, then back to 0..255 and normalise.
        var x = images.index_select(0, rows).permute(0, 3, 1, 2).to_type(ScalarType.Float32);
        x = stack([x[0].flip(2), x[1].flip(1)], 0) / 255;
        x = ColorAdjust.Saturation(ColorAdjust.Brightness(x, tensor(new[] { 1.5f, 0.8f }).view(-1, 1, 1, 1)),
            tensor(new[] { 0.25f, 1.4f }).view(-1, 1, 1, 1));
        var expected = augmenter.Prepare((x * 255).permute(0, 2, 3, 1));
        Assert.True(augmented.allclose(expected, rtol: 0, atol: 1e-4),
            $"largest difference {(augmented - expected).abs().max().item<float>()}");
        Assert.False(augmented.allclose(augmenter.Augment(images, rows,
            augmenter.Upload(transforms.Select(t => t with { Color = null }).ToArray())), rtol: 0, atol: 1e-2));
    }

    private static byte[,] Square(int size, Func<int, int, byte> value)
    {
        var square = new byte[size, size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
                square[i, j] = value(i, j);
        return square;
    }

    private static PatchImages Patch(byte[,] grey)
    {
        var size = grey.GetLength(0);
        var pixels = new byte[size * size * 3];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
                for (var c = 0; c < 3; c++)
                    pixels[(i * size + j) * 3 + c] = grey[i, j];
        return new PatchImages(pixels, 1, size, size);
    }

    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    private static Tensor Upload(PatchImages images) =>
        tensor(images.Pixels.ToArray(), [images.Count, images.Height, images.Width, 3]);
}
