using IdcRepro.Config;

namespace IdcRepro.Sampling;

/// <summary>
/// The patches of a set by class: <see cref="Class0"/> non-IDC, <see cref="Class1"/> IDC. The one type for class
/// counts (split.json, undersample.json and the report's provenance); its property names are those files' field names.
/// </summary>
public sealed record ClassCounts(int Class0, int Class1)
{
    public int Total => Class0 + Class1;
}

/// <summary>The undersampled sets and the counts behind them.</summary>
public sealed record UndersampleResult(SplitResult Sets,
    IReadOnlyDictionary<DataSet, (ClassCounts Before, ClassCounts After)> Counts);

/// <summary>
/// Undersample's pure core: random undersampling of the majority class down to the minority count, like
/// imblearn's RandomUnderSampler(sampling_strategy='majority'), in each set the config names; seeded per set.
/// </summary>
public static class Undersampler
{
    public static UndersampleResult Apply(SplitResult split, IReadOnlyList<int> labels, UndersampleConfig config)
    {
        var sets = new Dictionary<DataSet, IReadOnlyList<int>>();
        var counts = new Dictionary<DataSet, (ClassCounts, ClassCounts)>();
        foreach (var set in SplitResult.Sets)
        {
            var rows = split[set];
            var before = Count(rows, labels);
            var apply = config.Strategy == UndersampleStrategy.Majority && config.Sets.Contains(set);
            var kept = apply ? Balance(rows, labels, new SeededRandom(config.Seed, stream: (int)set + 1)) : rows;
            sets[set] = kept;
            counts[set] = (before, Count(kept, labels));
        }
        return new UndersampleResult(new SplitResult(sets[DataSet.Train], sets[DataSet.Validation], sets[DataSet.Test]),
            counts);
    }

    private static IReadOnlyList<int> Balance(IReadOnlyList<int> rows, IReadOnlyList<int> labels, SeededRandom random)
    {
        var zeros = rows.Where(r => labels[r] == 0).ToArray();
        var ones = rows.Where(r => labels[r] == 1).ToArray();
        if (zeros.Length == ones.Length || zeros.Length == 0 || ones.Length == 0) return rows;
        var (majority, minority) = zeros.Length > ones.Length ? (zeros, ones) : (ones, zeros);
        random.Shuffle(majority);
        return minority.Concat(majority.Take(minority.Length)).Order().ToArray();
    }

    private static ClassCounts Count(IReadOnlyList<int> rows, IReadOnlyList<int> labels)
    {
        var ones = rows.Count(r => labels[r] == 1);
        return new ClassCounts(rows.Count - ones, ones);
    }
}
