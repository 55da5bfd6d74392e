using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Pipeline;

namespace IdcRepro.Sampling;

/// <summary>
/// Stratified patient k-fold (split strategy <c>patient_kfold</c>): every patient is dealt into one of k folds, and
/// each fold is the test set of one run. The folds depend only on the patients, their IDC shares, k and the seed, never
/// on which fold a run tests, so the k runs of a seed test every patient exactly once.
/// </summary>
public static class PatientFolds
{
    /// <summary>
    /// The fold (0 .. <paramref name="folds"/> - 1) of each patient. Patients are walked from least to most IDC (ties
    /// in an order shuffled with <paramref name="seed"/>) and dealt in blocks of k (one short block in the middle of
    /// the walk when k does not divide the count), each block to the folds in a freshly shuffled order: every fold gets
    /// one patient of each full block, so each spans the range of class balance, and fold sizes differ by at most one.
    /// The input order does not matter (patients are put in ordinal order first).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer patients than folds, fewer than 2 folds, a repeated patient or a share
    /// outside 0..1.</exception>
    public static IReadOnlyDictionary<string, int> Assign(IReadOnlyList<PatientShare> patients, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(patients);
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "k-fold needs at least 2 folds.");
        if (patients.Count < folds)
            throw new ArgumentException(
                $"{patients.Count} patients are too few for {folds} folds: every fold needs at least one patient.",
                nameof(patients));
        var sorted = patients.OrderBy(p => p.Patient, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!(sorted[i].IdcShare is >= 0 and <= 1))
                throw new ArgumentException(
                    $"Patient {sorted[i].Patient} has IDC share {sorted[i].IdcShare}; shares lie in 0..1.",
                    nameof(patients));
            if (i > 0 && string.Equals(sorted[i].Patient, sorted[i - 1].Patient, StringComparison.Ordinal))
                throw new ArgumentException($"Patient {sorted[i].Patient} is given twice.", nameof(patients));
        }

        var random = new SeededRandom(seed);
        var walk = ByShare(sorted, Enumerable.Range(0, sorted.Length).ToArray(), random);
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var deal = Enumerable.Range(0, folds).ToArray();
        var start = 0;
        foreach (var size in BlockSizes(walk.Length, folds))
        {
            random.Shuffle(deal);
            for (var k = 0; k < size; k++) foldOf[sorted[walk[start + k]].Patient] = deal[k];
            start += size;
        }
        return foldOf;
    }

    /// <summary>
    /// Blocks of <paramref name="folds"/> patients along the walk, with the one short block (when the count does not
    /// divide) in the middle: the folds that get an extra patient then get one of middling IDC share, which moves their
    /// mean share least (at the top, the extra patients would be the most IDC-rich and pull those folds' means up).
    /// </summary>
    private static IEnumerable<int> BlockSizes(int patients, int folds)
    {
        var (full, remainder) = Math.DivRem(patients, folds);
        for (var b = 0; b < full; b++)
        {
            if (b == full / 2 && remainder > 0) yield return remainder;
            yield return folds;
        }
    }

    /// <summary>
    /// The split of fold <see cref="SplitConfig.Fold"/>: test = that fold's patients; validation =
    /// round(validation_fraction x all patients) patients (at least 1 when the fraction is above 0) drawn from the
    /// other folds, stratified (one at random from each of that many equal runs of the other folds' patients ordered by
    /// IDC share) with <c>SeededRandom(seed, stream: fold + 1)</c>; train = the rest. test_fraction and stratify are
    /// not used.
    /// </summary>
    /// <exception cref="StageException">Too few patients for the folds and the validation set.</exception>
    public static SplitOutcome Split(IReadOnlyList<Patch> patches, SplitConfig config)
    {
        var shares = PatientShare.Of(patches);
        var p = shares.Count;
        if (p < config.Folds)
            throw new StageException(
                $"Split: {p} patients are too few for {config.Folds} folds; every fold needs at least one patient. " +
                "Lower split.folds.");
        if (config.Fold >= config.Folds)
            throw new StageException(
                $"Split: fold {config.Fold} does not exist with {config.Folds} folds (they are numbered 0 " +
                $"to {config.Folds - 1}).");
        var foldOf = Assign(shares, config.Folds, config.Seed);

        var others = shares.Where(s => foldOf[s.Patient] != config.Fold).ToArray();
        var nValidation = config.ValidationFraction > 0
            ? Math.Max(1, (int)Math.Round(config.ValidationFraction * p, MidpointRounding.AwayFromZero)) : 0;
        if (others.Length - nValidation < 1)
            throw new StageException(
                $"Split: {p} patients are too few for {config.Folds} folds with " +
                $"validation_fraction {config.ValidationFraction}; the training set needs at least one patient.");
        var validation = DrawValidation(others, nValidation, new SeededRandom(config.Seed, stream: config.Fold + 1));

        var setOf = new Dictionary<string, DataSet>(StringComparer.Ordinal);
        foreach (var s in shares)
            setOf[s.Patient] = foldOf[s.Patient] == config.Fold ? DataSet.Test : validation.Contains(s.Patient)
                ? DataSet.Validation : DataSet.Train;
        var rows =
            new Dictionary<DataSet, List<int>> { [DataSet.Train] = [], [DataSet.Validation] = [], [DataSet.Test] = [] };
        for (var i = 0; i < patches.Count; i++) rows[setOf[patches[i].Patient]].Add(i);

        var testPatients = p - others.Length;
        string[] notes =
        [
            $"fold {config.Fold} of {config.Folds} is the test set: {testPatients} of {p} patients; " +
            $"validation: {nValidation} patient(s) from the other folds; test_fraction is not used by patient_kfold",
        ];
        return new SplitOutcome(
            new SplitResult(rows[DataSet.Train].ToArray(), rows[DataSet.Validation].ToArray(),
            rows[DataSet.Test].ToArray()), notes);
    }

    /// <summary>
    /// One patient drawn from each of <paramref name="count"/> equal runs of <paramref name="candidates"/> ordered by
    /// IDC share.
    /// </summary>
    private static HashSet<string> DrawValidation(PatientShare[] candidates, int count, SeededRandom random)
    {
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        if (count == 0) return drawn;
        var walk = ByShare(candidates, Enumerable.Range(0, candidates.Length).ToArray(), random);
        for (var j = 0; j < count; j++)
        {
            var start = (int)((long)j * walk.Length / count);
            var end = (int)((long)(j + 1) * walk.Length / count);
            drawn.Add(candidates[walk[start + random.NextInt(end - start)]].Patient);
        }
        return drawn;
    }

    /// <summary>
    /// Indices of <paramref name="patients"/> from least to most IDC, ties in an order shuffled with
    /// <paramref name="random"/>.
    /// </summary>
    private static int[] ByShare(PatientShare[] patients, int[] order, SeededRandom random)
    {
        random.Shuffle(order);
        var rank = new int[patients.Length];
        for (var k = 0; k < order.Length; k++) rank[order[k]] = k;
        return [.. Enumerable.Range(0, patients.Length).OrderBy(i => patients[i].IdcShare).ThenBy(i => rank[i])];
    }
}
