namespace IdcRepro.Reporting.Plots;

/// <summary>Width and height of a rendered plot, in pixels.</summary>
public sealed record PlotSize(int Width, int Height)
{
    /// <summary>800 x 500, the size of every report plot unless said otherwise.</summary>
    public static PlotSize Default { get; } = new(800, 500);

    /// <summary>560 x 440: two side by side fill the report's width without being scaled down.</summary>
    public static PlotSize Half { get; } = new(560, 440);
}
