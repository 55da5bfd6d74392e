namespace IdcRepro.Synthetic;

/// <summary>
/// The tissue on one synthetic slide: an irregular blob over a grid of patch positions, made of a few overlapping
/// lobes with a noisy outline. <see cref="Density"/> is defined everywhere on the slide, so the outline also cuts
/// through the pixels of the patches at the border (glass shows there, as in the real data).
/// </summary>
internal sealed class TissueRegion
{
    private readonly (double X, double Y, double RadiusSquared, double Weight)[] _lobes;
    private readonly ulong _seed;
    private readonly bool[] _inside;

    public int Columns { get; }
    public int Rows { get; }

    /// <summary>The level of <see cref="Density"/> at the outline.</summary>
    public double Threshold { get; }

    /// <summary>How many grid cells are tissue.</summary>
    public int Count { get; }

    private TissueRegion(int columns, int rows, ulong seed, (double, double, double, double)[] lobes, double coverage)
    {
        Columns = columns;
        Rows = rows;
        _seed = seed;
        _lobes = lobes;
        var density = new double[columns * rows];
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
                density[row * columns + column] = Density(column + 0.5, row + 0.5);
        var sorted = density.Order().ToArray();
        var keep = Math.Clamp((int)Math.Round(coverage * sorted.Length), 1, sorted.Length);
        Threshold = sorted[sorted.Length - keep];
        _inside = LargestComponent(density.Select(d => d >= Threshold).ToArray(), columns, rows);
        Count = _inside.Count(x => x);
    }

    /// <summary>A region covering roughly 45-75% of the grid, shaped by <paramref name="random"/>.</summary>
    public static TissueRegion Generate(int columns, int rows, ulong seed, Random random)
    {
        var lobeCount = 3 + random.Next(4);
        var lobes = new (double, double, double, double)[lobeCount];
        var size = Math.Min(columns, rows);
        for (var i = 0; i < lobeCount; i++)
        {
            var radius = size * (0.22 + 0.3 * random.NextDouble());
            lobes[i] = (columns * (0.15 + 0.7 * random.NextDouble()), rows * (0.15 + 0.7 * random.NextDouble()),
                radius * radius, 0.6 + 0.8 * random.NextDouble());
        }
        return new TissueRegion(columns, rows, seed, lobes, 0.45 + 0.3 * random.NextDouble());
    }

    public bool Contains(int column, int row) =>
        column >= 0 && row >= 0 && column < Columns && row < Rows && _inside[row * Columns + column];

    /// <summary>
    /// How much tissue there is at a point in grid units (a cell spans one unit): lobes plus a noisy outline.
    /// </summary>
    public double Density(double x, double y)
    {
        var sum = 0.0;
        foreach (var (cx, cy, r2, weight) in _lobes)
        {
            var d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            if (d2 < r2) sum += weight * (1 - d2 / r2);
        }
        return sum + 0.45 * SyntheticNoise.Value(_seed, x / 2.5, y / 2.5, NoisePurpose.Outline)
                   + 0.15 * SyntheticNoise.Value(_seed, x * 1.3, y * 1.3, NoisePurpose.OutlineDetail);
    }

    /// <summary>Keeps the largest 4-connected piece, so the slide is one piece of tissue.</summary>
    private static bool[] LargestComponent(bool[] mask, int columns, int rows)
    {
        var component = new int[mask.Length];
        var best = (Id: 0, Size: 0);
        var stack = new Stack<int>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || component[start] != 0) continue;
            var id = start + 1;
            var size = 0;
            component[start] = id;
            stack.Push(start);
            while (stack.TryPop(out var cell))
            {
                size++;
                int c = cell % columns, r = cell / columns;
                foreach (var (nc, nr) in (ReadOnlySpan<(int, int)>)[(c - 1, r), (c + 1, r), (c, r - 1), (c, r + 1)])
                {
                    if (nc < 0 || nr < 0 || nc >= columns || nr >= rows) continue;
                    var next = nr * columns + nc;
                    if (!mask[next] || component[next] != 0) continue;
                    component[next] = id;
                    stack.Push(next);
                }
            }
            if (size > best.Size) best = (id, size);
        }
        return component.Select(id => id == best.Id).ToArray();
    }
}
