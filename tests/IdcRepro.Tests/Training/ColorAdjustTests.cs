using IdcRepro.Torch;
using IdcRepro.Training;
using static TorchSharp.torch;

namespace IdcRepro.Tests.Training;

public sealed class ColorAdjustTests
{
    /// <summary>A 1 x 3 x 1 x N image of the given RGB pixels (0..1).</summary>
    private static Tensor Pixels(params (float R, float G, float B)[] pixels) =>
        tensor(pixels.Select(p => p.R).Concat(pixels.Select(p => p.G)).Concat(pixels.Select(p => p.B)).ToArray(),
            [1, 3, 1, pixels.Length]);

    private static Tensor Factor(double value) => tensor(new[] { (float)value }).view(1, 1, 1, 1);

    /// <summary>Pixel k's (R, G, B).</summary>
    private static (float R, float G, float B) At(Tensor image, int k) =>
        (image[0, 0, 0, k].item<float>(), image[0, 1, 0, k].item<float>(), image[0, 2, 0, k].item<float>());

    private static void Near((float R, float G, float B) expected, (float R, float G, float B) actual,
        double tolerance = 1e-6)
    {
        Assert.Equal(expected.R, actual.R, tolerance);
        Assert.Equal(expected.G, actual.G, tolerance);
        Assert.Equal(expected.B, actual.B, tolerance);
    }

    [Fact]
    public void Brightness_multiplies_and_clamps()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var brighter = ColorAdjust.Brightness(Pixels((0.2f, 0.5f, 0.8f)), Factor(1.5));
        Near((0.3f, 0.75f, 1.0f), At(brighter, 0)); // 0.8 x 1.5 = 1.2, clamped to 1
        Near((0, 0, 0), At(ColorAdjust.Brightness(Pixels((0.2f, 0.5f, 0.8f)), Factor(0)), 0));
    }

    [Fact]
    public void Saturation_0_gives_the_BT601_grey_and_2_pushes_away_from_it()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var image = Pixels((0.2f, 0.5f, 0.8f));
        // Luma 0.2989 x 0.2 + 0.587 x 0.5 + 0.114 x 0.8 = 0.05978 + 0.2935 + 0.0912 = 0.44448.
        const float grey = 0.44448f;
        Near((grey, grey, grey), At(ColorAdjust.Saturation(image, Factor(0)), 0));
        // 2 x pixel - grey: -0.04448 (clamped to 0), 0.55552, 1.15552 (clamped to 1).
        Near((0, 0.55552f, 1), At(ColorAdjust.Saturation(image, Factor(2)), 0));
        Near(At(image, 0), At(ColorAdjust.Saturation(image, Factor(1)), 0));
    }

    [Fact]
    public void Contrast_blends_with_the_patch_s_mean_grey()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        // Black and white: greys 0 and 1 (0.2989 + 0.587 + 0.114 = 0.9999), mean 0.49995.
        var image = Pixels((0, 0, 0), (1, 1, 1));
        const float mean = 0.49995f;
        var flat = ColorAdjust.Contrast(image, Factor(0));
        Near((mean, mean, mean), At(flat, 0));
        Near((mean, mean, mean), At(flat, 1));
        // Factor 0.5: halfway to the mean: 0.249975 and 0.749975.
        var half = ColorAdjust.Contrast(image, Factor(0.5));
        Near((0.249975f, 0.249975f, 0.249975f), At(half, 0));
        Near((0.749975f, 0.749975f, 0.749975f), At(half, 1));
    }

    [Fact]
    public void A_hue_shift_of_one_half_turns_red_into_cyan_and_a_third_turns_it_green()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var image = Pixels((1, 0, 0), (0.5f, 0.25f, 0.25f), (0.3f, 0.3f, 0.3f));
        Tensor Shift(double turns) => tensor(new[] { (float)turns }).view(1, 1, 1);

        var half = ColorAdjust.Hue(image, Shift(0.5));
        Near((0, 1, 1), At(half, 0));
        Near((0.25f, 0.5f, 0.5f), At(half, 1));  // a dull red becomes the dull cyan of the same value and saturation
        Near((0.3f, 0.3f, 0.3f), At(half, 2));   // grey has no hue
        Near((0, 1, 1), At(ColorAdjust.Hue(image, Shift(-0.5)), 0));
        Near((0, 1, 0), At(ColorAdjust.Hue(image, Shift(1.0 / 3)), 0));
    }

    [Fact]
    public void Identity_factors_leave_a_random_image_as_it_was()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        manual_seed(3);
        var image = rand(4, 3, 6, 6);
        var same = ColorAdjust.Apply(image, tensor(new float[] { 1, 1, 1, 0 }).repeat(4, 1), true, true, true, true);
        Assert.True(same.allclose(image, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Each_patch_gets_its_own_factors()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var two = cat([Pixels((0.2f, 0.4f, 0.6f)), Pixels((0.2f, 0.4f, 0.6f))], 0);
        var factors = tensor(new float[] { 0.5f, 1, 1, 0, 2, 1, 1, 0 }, [2, 4]);
        var result = ColorAdjust.Apply(two, factors, brightness: true, contrast: false, saturation: false, hue: false);
        Assert.Equal(0.1f, result[0, 0, 0, 0].item<float>(), 6);
        Assert.Equal(0.4f, result[1, 0, 0, 0].item<float>(), 6);
    }
}
