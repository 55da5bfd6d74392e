using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// A run of <see cref="PatchTransform"/>s on the device, made by <see cref="Augmenter.Upload"/>: either one 2x3
/// sampling matrix per patch (rotation with the flips folded in), or, when rotation is off, per-patch flip masks; and,
/// when colour jitter is on, N x 4 colour factors (brightness, contrast, saturation, hue shift). Null parts are not
/// drawn.
/// </summary>
public sealed record DeviceTransforms(Tensor? Theta, Tensor? FlipHorizontal, Tensor? FlipVertical, Tensor? Color = null)
{
    /// <summary>The transforms of patches <paramref name="start"/> .. start + count - 1 (views, no copy).</summary>
    public DeviceTransforms Slice(long start, long count) =>
        new(Theta?.narrow(0, start, count), FlipHorizontal?.narrow(0, start, count),
            FlipVertical?.narrow(0, start, count), Color?.narrow(0, start, count));
}
