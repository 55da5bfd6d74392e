namespace IdcRepro.Synthetic;

/// <summary>
/// How many IDC patches each synthetic patient gets, so the whole dataset hits the target share exactly.
/// </summary>
internal static class IdcQuota
{
    /// <summary>
    /// Splits round(<paramref name="fraction"/> x all patches) over patients in proportion to
    /// <paramref name="weights"/> x their patch count; every patient keeps at least one patch of each class where it
    /// can.
    /// </summary>
    public static int[] Allocate(IReadOnlyList<int> patches, IReadOnlyList<double> weights, double fraction)
    {
        var total = patches.Sum();
        var target = (int)Math.Round(fraction * total);
        var weighted = 0.0;
        for (var i = 0; i < patches.Count; i++) weighted += weights[i] * patches[i];
        var scale = weighted > 0 ? target / weighted : 0;

        var quota = new int[patches.Count];
        for (var i = 0; i < patches.Count; i++)
            quota[i] =
                Math.Clamp((int)Math.Round(scale * weights[i] * patches[i]), Lowest(patches[i]), Highest(patches[i]));

        // Rounding and clamping leave a small remainder: hand it out one patch at a time, patient by patient,
        // keeping both classes in every patient while that is possible.
        var remainder = target - quota.Sum();
        foreach (var keepBothClasses in (ReadOnlySpan<bool>)[true, false])
        {
            var changed = true;
            while (remainder != 0 && changed)
            {
                changed = false;
                for (var i = 0; i < quota.Length && remainder != 0; i++)
                {
                    var step = Math.Sign(remainder);
                    var lowest = keepBothClasses ? Lowest(patches[i]) : 0;
                    var highest = keepBothClasses ? Highest(patches[i]) : patches[i];
                    if (quota[i] + step < lowest || quota[i] + step > highest) continue;
                    quota[i] += step;
                    remainder -= step;
                    changed = true;
                }
            }
        }
        return quota;
    }

    private static int Lowest(int patches) => patches >= 2 ? 1 : 0;

    private static int Highest(int patches) => patches >= 2 ? patches - 1 : patches;
}
