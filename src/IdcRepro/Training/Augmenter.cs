using IdcRepro.Config;
using IdcRepro.Sampling;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// Turns rows of the device's uint8 N x H x W x 3 patch tensor into network inputs (float N x 3 x H x W), on the
/// device:
/// <see cref="Prepare"/> only normalises (evaluation); <see cref="Augment"/> first rotates and flips, as Keras'
/// ImageDataGenerator(rotation_range, horizontal_flip, vertical_flip) does before standardising, so that zeros fill is
/// black, then (when <c>augment.color</c> has a range above 0) changes colour on the 0..1 image with
/// <see cref="ColorAdjust"/> (geometry, colour, standardisation: the order of torchvision pipelines).
/// Rotation samples with <c>affine_grid</c> + <c>grid_sample</c> (align_corners false: pixel centres, rotation about
/// the patch centre like Keras' offset (size - 1) / 2; fill nearest = border padding, zeros = zero padding) and is
/// skipped entirely when the rotation range is 0, flips then being done by <c>flip</c>. Random draws come from the
/// caller's <see cref="SeededRandom"/> on the host (<see cref="Draw"/>), uploaded once per run of patches
/// (<see cref="Upload"/>), so a seed gives the same transforms on every device.
/// </summary>
public sealed class Augmenter : IDisposable
{
    private readonly AugmentConfig _config;
    private readonly Device _device;
    private readonly Tensor _scale;
    private readonly Tensor _shift;

    public Augmenter(AugmentConfig config, Normalizer normalizer, Device device)
    {
        _config = config;
        _device = device;
        _scale = tensor(normalizer.Scale(), [1, PatchImages.Channels, 1, 1], device: device);
        _shift = tensor(normalizer.Shift(), [1, PatchImages.Channels, 1, 1], device: device);
    }

    private bool Rotates => _config.RotationDegrees > 0;

    private bool Jitters => _config.Color is { Brightness: > 0 } or { Contrast: > 0 } or { Saturation: > 0 }
        or { Hue: > 0 };

    /// <summary>
    /// Draws one patch's transform: angle uniform in +-range, then each enabled flip with probability 1/2, then (colour
    /// jitter on) the brightness, contrast and saturation factors uniform in [max(0, 1 - range), 1 + range] and the hue
    /// shift uniform in +-hue, each only when its range is above 0. With colour jitter off nothing more is drawn than
    /// before it existed, so a seed gives the same epochs as it always did.
    /// </summary>
    public PatchTransform Draw(SeededRandom random)
    {
        var angle = Rotates ? (2 * random.NextDouble() - 1) * _config.RotationDegrees : 0;
        var horizontal = _config.HorizontalFlip && random.NextDouble() < 0.5;
        var vertical = _config.VerticalFlip && random.NextDouble() < 0.5;
        return new PatchTransform(angle, horizontal, vertical, Jitters ? DrawColor(random) : null);
    }

    private ColorJitter DrawColor(SeededRandom random)
    {
        var c = _config.Color;
        var brightness = c.Brightness > 0 ? Factor(random, c.Brightness) : 1;
        var contrast = c.Contrast > 0 ? Factor(random, c.Contrast) : 1;
        var saturation = c.Saturation > 0 ? Factor(random, c.Saturation) : 1;
        var hue = c.Hue > 0 ? (2 * random.NextDouble() - 1) * c.Hue : 0;
        return new ColorJitter(brightness, contrast, saturation, hue);
    }

    private static double Factor(SeededRandom random, double range)
    {
        var low = Math.Max(0, 1 - range);
        return low + (1 + range - low) * random.NextDouble();
    }

    /// <summary>
    /// Uploads transforms in one copy per tensor; the caller disposes them (e.g. with its dispose scope).
    /// </summary>
    public DeviceTransforms Upload(ReadOnlySpan<PatchTransform> transforms)
    {
        var n = transforms.Length;
        var color = Jitters ? tensor(ColorFactors(transforms), [n, 4], device: _device) : null;
        if (Rotates)
            return new DeviceTransforms(tensor(SamplingMatrices(transforms), [n, 2, 3], device: _device), null, null,
                color);
        var horizontal = _config.HorizontalFlip ? Mask(transforms, t => t.FlipHorizontal) : null;
        var vertical = _config.VerticalFlip ? Mask(transforms, t => t.FlipVertical) : null;
        return new DeviceTransforms(null, horizontal, vertical, color);
    }

    /// <summary>
    /// Gathers <paramref name="rows"/> (int64) of <paramref name="images"/> and normalises them, without augmentation.
    /// </summary>
    public Tensor Prepare(Tensor images, Tensor rows) => Prepare(images.index_select(0, rows));

    /// <summary>Normalises a uint8 B x H x W x 3 batch into float B x 3 x H x W, without augmentation.</summary>
    public Tensor Prepare(Tensor batch) => Normalise(ToFloat(batch));

    /// <summary>
    /// Gathers <paramref name="rows"/>, rotates and flips each as <paramref name="transforms"/> (same length) says,
    /// normalises.
    /// </summary>
    public Tensor Augment(Tensor images, Tensor rows, DeviceTransforms transforms)
    {
        var x = ToFloat(images.index_select(0, rows));
        if (transforms.Theta is { } theta)
        {
            var grid = nn.functional.affine_grid(theta, x.shape, align_corners: false);
            x = nn.functional.grid_sample(x, grid,
                _config.Interpolation == RotationInterpolation.Nearest ? GridSampleMode.Nearest
                    : GridSampleMode.Bilinear,
                _config.Fill == RotationFill.Nearest ? GridSamplePaddingMode.Border : GridSamplePaddingMode.Zeros,
                align_corners: false);
        }
        else
        {
            if (transforms.FlipHorizontal is { } horizontal) x = where(horizontal.view(-1, 1, 1, 1), x.flip(3), x);
            if (transforms.FlipVertical is { } vertical) x = where(vertical.view(-1, 1, 1, 1), x.flip(2), x);
        }
        if (transforms.Color is { } color)
        {
            var c = _config.Color;
            x = ColorAdjust.Apply(x.div(255), color, c.Brightness > 0, c.Contrast > 0, c.Saturation > 0, c.Hue > 0)
                .mul_(255);
        }
        return Normalise(x);
    }

    /// <summary>
    /// Per patch (brightness, contrast, saturation, hue shift); a transform without colour gives the identity (1, 1, 1,
    /// 0).
    /// </summary>
    public static float[] ColorFactors(ReadOnlySpan<PatchTransform> transforms)
    {
        var factors = new float[transforms.Length * 4];
        for (var i = 0; i < transforms.Length; i++)
        {
            var c = transforms[i].Color ?? ColorJitter.Identity;
            factors[4 * i] = (float)c.Brightness;
            factors[4 * i + 1] = (float)c.Contrast;
            factors[4 * i + 2] = (float)c.Saturation;
            factors[4 * i + 3] = (float)c.Hue;
        }
        return factors;
    }

    /// <summary>
    /// Per patch the 2x3 matrix that <c>affine_grid</c> maps output to input coordinates with (x right, y down, -1..1):
    /// input = R(angle) F output, F = diag(-1 if flipped left-right, -1 if flipped top-bottom): the rotated patch, then
    /// mirrored.
    /// </summary>
    public static float[] SamplingMatrices(ReadOnlySpan<PatchTransform> transforms)
    {
        var theta = new float[transforms.Length * 6];
        for (var i = 0; i < transforms.Length; i++)
        {
            var t = transforms[i];
            var radians = t.AngleDegrees * Math.PI / 180;
            var (sin, cos) = Math.SinCos(radians);
            double fx = t.FlipHorizontal ? -1 : 1, fy = t.FlipVertical ? -1 : 1;
            var row = theta.AsSpan(i * 6, 6);
            row[0] = (float)(cos * fx);
            row[1] = (float)(-sin * fy);
            row[2] = 0;
            row[3] = (float)(sin * fx);
            row[4] = (float)(cos * fy);
            row[5] = 0;
        }
        return theta;
    }

    private Tensor Mask(ReadOnlySpan<PatchTransform> transforms, Func<PatchTransform, bool> flip)
    {
        var mask = new bool[transforms.Length];
        for (var i = 0; i < mask.Length; i++) mask[i] = flip(transforms[i]);
        return tensor(mask, device: _device);
    }

    private static Tensor ToFloat(Tensor nhwc) => nhwc.permute(0, 3, 1, 2).contiguous().to_type(ScalarType.Float32);

    private Tensor Normalise(Tensor x) => x.mul_(_scale).add_(_shift);

    public void Dispose()
    {
        _scale.Dispose();
        _shift.Dispose();
    }
}
