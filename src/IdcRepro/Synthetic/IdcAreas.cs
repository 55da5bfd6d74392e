namespace IdcRepro.Synthetic;

/// <summary>
/// Places one or two contiguous IDC areas inside a <see cref="TissueRegion"/>: each grows cell by cell from a seed
/// cell, nearest (with a little noise) first, so the areas are compact clumps with ragged edges.
/// </summary>
internal static class IdcAreas
{
    /// <summary>
    /// Marks exactly <paramref name="quota"/> tissue cells (fewer only if the region is smaller) as IDC.
    /// </summary>
    public static bool[] Grow(TissueRegion region, int quota, Random random, ulong seed)
    {
        var idc = new bool[region.Columns * region.Rows];
        var cells = Enumerable.Range(0, idc.Length).Where(i => region.Contains(i % region.Columns, i / region.Columns))
            .ToArray();
        quota = Math.Min(quota, cells.Length);
        if (quota <= 0) return idc;

        var first = cells[random.Next(cells.Length)];
        var two = quota >= 8 && random.NextDouble() < 0.45;
        var firstQuota = two ? (int)Math.Round(quota * (0.55 + 0.2 * random.NextDouble())) : quota;
        var grown = GrowFrom(region, idc, [first], first, firstQuota, seed);
        if (grown < quota)
        {
            // A second area, away from the first; what it cannot place (an enclosed pocket) grows the first one.
            var second = FarthestFree(region, idc, cells, first, random);
            if (second >= 0) grown += GrowFrom(region, idc, [second], second, quota - grown, seed);
            if (grown < quota) GrowFrom(region, idc, cells.Where(c => idc[c]).ToArray(), first, quota - grown, seed);
        }
        return idc;
    }

    private static int GrowFrom(TissueRegion region, bool[] idc, int[] sources, int centre, int quota, ulong seed)
    {
        int columns = region.Columns, cx = centre % columns, cy = centre / columns;
        var queue = new PriorityQueue<int, (double, int)>();
        var queued = new HashSet<int>();
        foreach (var source in sources)
            if (queued.Add(source)) queue.Enqueue(source, (0, source));
        var added = 0;
        while (added < quota && queue.TryDequeue(out var cell, out _))
        {
            if (!idc[cell])
            {
                idc[cell] = true;
                added++;
            }
            int c = cell % columns, r = cell / columns;
            foreach (var (nc, nr) in (ReadOnlySpan<(int, int)>)[(c - 1, r), (c + 1, r), (c, r - 1), (c, r + 1)])
            {
                if (!region.Contains(nc, nr)) continue;
                var next = nr * columns + nc;
                if (idc[next] || !queued.Add(next)) continue;
                var distance = Math.Sqrt((double)(nc - cx) * (nc - cx) + (double)(nr - cy) * (nr - cy));
                queue.Enqueue(next,
                    (distance + 2.2 * SyntheticNoise.Unit(seed, nc, nr, NoisePurpose.IdcRaggedness), next));
            }
        }
        return added;
    }

    /// <summary>
    /// A free cell among the farthest third from <paramref name="from"/>, or -1 if every cell is taken.
    /// </summary>
    private static int FarthestFree(TissueRegion region, bool[] idc, int[] cells, int from, Random random)
    {
        int columns = region.Columns, fx = from % columns, fy = from / columns;
        var free = cells.Where(c => !idc[c])
            .OrderByDescending(c => (c % columns - fx) * (c % columns - fx) + (c / columns - fy) * (c / columns - fy))
            .ThenBy(c => c)
            .ToArray();
        return free.Length == 0 ? -1 : free[random.Next(Math.Max(1, free.Length / 3))];
    }
}
