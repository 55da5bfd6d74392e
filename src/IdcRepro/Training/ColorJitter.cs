namespace IdcRepro.Training;

/// <summary>
/// One patch's drawn colour change (torchvision ColorJitter's parameters): brightness, contrast and saturation factors
/// (1 leaves the patch as it is) and a hue shift in turns of the colour wheel (0 leaves it). Applied in that order by
/// <see cref="ColorAdjust"/>.
/// </summary>
public readonly record struct ColorJitter(double Brightness, double Contrast, double Saturation, double Hue)
{
    public static ColorJitter Identity => new(1, 1, 1, 0);
}
