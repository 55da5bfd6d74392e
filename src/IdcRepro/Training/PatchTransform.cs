namespace IdcRepro.Training;

/// <summary>
/// One patch's random augmentation: a rotation (degrees, counter-clockwise as displayed, about the patch centre), then
/// optional mirror images left-right (<see cref="FlipHorizontal"/>) and top-bottom (<see cref="FlipVertical"/>), as
/// Keras applies them, then, when colour jitter is on, a <see cref="ColorJitter"/> (null: no colour change).
/// </summary>
public readonly record struct PatchTransform(double AngleDegrees, bool FlipHorizontal, bool FlipVertical,
    ColorJitter? Color = null)
{
    public static PatchTransform Identity => default;
}
