using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Pipeline;

namespace IdcRepro.Sampling;

/// <summary>What a split made, and what a reader should know about it (e.g. listed patients the data lacks).</summary>
public sealed record SplitOutcome(SplitResult Result, IReadOnlyList<string> Notes);

/// <summary>
/// Split's pure core. <c>random</c>: patches shuffled with the seed, like sklearn's train_test_split (test count
/// = ceil(fraction x N)), optionally stratified by label. <c>patient</c>: whole patients per set (fractions of
/// patients), optionally stratified by each patient's IDC share. <c>lists</c>: patient lists read from files.
/// <c>patient_kfold</c>: one fold of a stratified patient k-fold (<see cref="PatientFolds"/>). With test_fraction 0
/// (random and patient, beside a validation set) the test set is empty.
/// </summary>
public static class Splitter
{
    public static SplitOutcome Split(IReadOnlyList<Patch> patches, SplitConfig config, PatientLists? lists = null) =>
        config.Strategy switch
        {
            SplitStrategy.Random => new(ByPatch(patches, config), []),
            SplitStrategy.Patient => new(ByPatient(patches, config), []),
            SplitStrategy.PatientKfold => PatientFolds.Split(patches, config),
            _ => ByLists(patches, lists ?? throw new ArgumentNullException(nameof(lists))),
        };

    private static SplitResult ByPatch(IReadOnlyList<Patch> patches, SplitConfig config)
    {
        var n = patches.Count;
        var nTest = (int)Math.Ceiling(config.TestFraction * n);
        var nValidation = (int)Math.Ceiling(config.ValidationFraction * n);
        if (n - nTest - nValidation < 1)
            throw new StageException(
                $"Split: {n} patches are too few for test_fraction {config.TestFraction} and " +
                $"validation_fraction {config.ValidationFraction}.");

        var test = new List<int>();
        var validation = new List<int>();
        var train = new List<int>();
        if (!config.Stratify)
        {
            var order = Enumerable.Range(0, n).ToArray();
            new SeededRandom(config.Seed).Shuffle(order);
            Deal(order, nTest, nValidation, test, validation, train);
        }
        else
        {
            var classes = Enumerable.Range(0, n).GroupBy(i => patches[i].Label).OrderBy(g => g.Key)
                .Select(g => g.ToArray()).ToArray();
            var testShares = Apportion(nTest, classes.Select(c => c.Length).ToArray());
            var validationShares = Apportion(nValidation, classes.Select(c => c.Length).ToArray());
            for (var c = 0; c < classes.Length; c++)
            {
                new SeededRandom(config.Seed, stream: c + 1).Shuffle(classes[c]);
                Deal(classes[c], testShares[c], validationShares[c], test, validation, train);
            }
        }
        return new SplitResult(Sorted(train), Sorted(validation), Sorted(test));
    }

    private static SplitResult ByPatient(IReadOnlyList<Patch> patches, SplitConfig config)
    {
        var byPatient = Enumerable.Range(0, patches.Count).GroupBy(i => patches[i].Patient)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Patient: g.Key, Rows: g.ToArray(), IdcShare: g.Average(i => patches[i].Label)))
            .ToArray();
        var p = byPatient.Length;
        var nTest = config.TestFraction > 0
            ? Math.Max(1, (int)Math.Round(config.TestFraction * p, MidpointRounding.AwayFromZero)) : 0;
        var nValidation = config.ValidationFraction > 0
            ? Math.Max(1, (int)Math.Round(config.ValidationFraction * p, MidpointRounding.AwayFromZero)) : 0;
        if (p - nTest - nValidation < 1)
            throw new StageException(
                $"Split: {p} patients are too few for a patient split with test_fraction {config.TestFraction} and " +
                $"validation_fraction {config.ValidationFraction}; every set needs at least one patient.");

        var random = new SeededRandom(config.Seed);
        var order = Enumerable.Range(0, p).ToArray();
        random.Shuffle(order);
        var assignment = new int[p]; // 0 train, 1 validation, 2 test
        if (!config.Stratify)
        {
            for (var k = 0; k < p; k++) assignment[order[k]] = k < nTest ? 2 : k < nTest + nValidation ? 1 : 0;
        }
        else
        {
            // Walk patients from least to most IDC (ties in shuffled order) and give each to the set furthest
            // below its quota, so every set spans the range of class balance.
            var rank = new int[p];
            for (var k = 0; k < p; k++) rank[order[k]] = k;
            var walk = Enumerable.Range(0, p).OrderBy(i => byPatient[i].IdcShare).ThenBy(i => rank[i]).ToArray();
            int[] quota = [p - nTest - nValidation, nValidation, nTest];
            var given = new int[3];
            for (var k = 0; k < p; k++)
            {
                var progress = k + 1.0;
                var set = Enumerable.Range(0, 3).Where(s => given[s] < quota[s])
                    .OrderByDescending(s => quota[s] * progress / p - given[s]).ThenByDescending(s => s).First();
                assignment[walk[k]] = set;
                given[set]++;
            }
        }
        var sets = new[] { new List<int>(), new List<int>(), new List<int>() };
        for (var i = 0; i < p; i++) sets[assignment[i]].AddRange(byPatient[i].Rows);
        return new SplitResult(Sorted(sets[0]), Sorted(sets[1]), Sorted(sets[2]));
    }

    private static SplitOutcome ByLists(IReadOnlyList<Patch> patches, PatientLists lists)
    {
        var setOf = new Dictionary<string, DataSet>(StringComparer.Ordinal);
        foreach (var (set, ids) in new[] { (DataSet.Train, lists.Train), (DataSet.Validation, lists.Validation),
            (DataSet.Test, lists.Test) })
        {
            foreach (var id in ids)
            {
                if (setOf.TryGetValue(id, out var other) && other != set)
                    throw new StageException(
                        $"Split: patient {id} is listed for both {other.ToString().ToLowerInvariant()} " +
                        $"and {set.ToString().ToLowerInvariant()}; a patient belongs to one set. Fix the " +
                        "split.lists files.");
                setOf[id] = set;
            }
        }
        var present = patches.Select(p => p.Patient).ToHashSet(StringComparer.Ordinal);
        var sets =
            new Dictionary<DataSet, List<int>> { [DataSet.Train] = [], [DataSet.Validation] = [], [DataSet.Test] = [] };
        var unlisted = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < patches.Count; i++)
        {
            if (setOf.TryGetValue(patches[i].Patient, out var set)) sets[set].Add(i);
            else unlisted.Add(patches[i].Patient);
        }
        var notes = new List<string>();
        foreach (var (set, ids) in new[] { (DataSet.Train, lists.Train), (DataSet.Validation, lists.Validation),
            (DataSet.Test, lists.Test) })
        {
            var found = ids.Distinct().Count(present.Contains);
            notes.Add(
                $"{set.ToString().ToLowerInvariant()}: found {found} of {ids.Distinct().Count()} listed patients");
        }
        if (unlisted.Count > 0)
            notes.Add($"left out {unlisted.Count} patient(s) in no list: {string.Join(", ", unlisted)}");
        if (sets[DataSet.Train].Count == 0 || sets[DataSet.Test].Count == 0)
            throw new StageException(
                $"Split: the lists leave {(sets[DataSet.Train].Count == 0 ? "training" : "test")} empty for this " +
                $"dataset ({string.Join("; ", notes)}). Check split.lists against the dataset's patients.");
        return new SplitOutcome(new SplitResult(sets[DataSet.Train], sets[DataSet.Validation], sets[DataSet.Test]),
            notes);
    }

    private static void Deal(IReadOnlyList<int> order, int nTest, int nValidation, List<int> test, List<int> validation,
        List<int> train)
    {
        for (var k = 0; k < order.Count; k++)
            (k < nTest ? test : k < nTest + nValidation ? validation : train).Add(order[k]);
    }

    /// <summary>
    /// Splits <paramref name="total"/> across groups in proportion to their sizes (largest remainder, ties to the
    /// earlier group).
    /// </summary>
    public static int[] Apportion(int total, int[] sizes)
    {
        var all = sizes.Sum();
        if (all == 0) return new int[sizes.Length];
        var exact = sizes.Select(s => (double)total * s / all).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, sizes.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i)
            .Take(total - shares.Sum()))
            shares[i]++;
        return shares;
    }

    private static int[] Sorted(IEnumerable<int> rows) => rows.Order().ToArray();
}
