using System.Globalization;
using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using IdcRepro.Sampling;
using IdcRepro.Tests.TestSupport;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Sampling;

public sealed class PatientFoldsTests
{
    /// <summary>
    /// 23 patients "q00".."q22" of 4..12 patches, patient i with an IDC share that steps through 0, 1/4, 1/2, 3/4, 1
    /// and beyond.
    /// </summary>
    private static List<Patch> Synthetic()
    {
        var list = new List<Patch>();
        for (var p = 0; p < 23; p++)
        {
            var count = 4 + p % 9;
            var idc = (int)Math.Round(count * (p * 7 % 23) / 22.0);
            for (var k = 0; k < count; k++)
                list.Add(new Patch($"q{p}/{k}", $"q{p:D2}", k * 50 + 1, 1, k < idc ? 1 : 0));
        }
        return list;
    }

    /// <summary>The real sample's patches, listed from ../shared/data/idc-sample.zip by the index's own code.</summary>
    private static readonly Lazy<IReadOnlyList<Patch>> Sample = new(() =>
    {
        using var zip = ZipFile.OpenRead(RepoPaths.SampleZip);
        var entries = zip.Entries.Select(e => new DatasetEntry(e.FullName, e.Length, e.Crc32)).ToList();
        return PatchIndex.Build(entries, new IndexConfig(), (a, b) => a.Crc32 == b.Crc32).Patches;
    });

    private static SplitConfig Kfold(int fold, int folds = 5, double validation = 0.15, int seed = 42) =>
        new()
        {
            Strategy = SplitStrategy.PatientKfold, Folds = folds, Fold = fold,
            ValidationFraction = validation, Seed = seed
        };

    private static HashSet<string> PatientsOf(IReadOnlyList<Patch> patches, IReadOnlyList<int> rows) =>
        rows.Select(i => patches[i].Patient).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData(5, 0.15)]
    [InlineData(3, 0.0)]
    [InlineData(23, 0.1)]   // leave-one-patient-out
    public void Every_patient_is_tested_in_exactly_one_fold_and_no_fold_shares_a_patient_between_sets(int folds,
        double validation)
    {
        var patches = Synthetic();
        var everyone = patches.Select(p => p.Patient).ToHashSet(StringComparer.Ordinal);
        var foldOf = PatientFolds.Assign(PatientShare.Of(patches), folds, seed: 42);
        var tested = new List<string>();
        for (var fold = 0; fold < folds; fold++)
        {
            var r = Splitter.Split(patches, Kfold(fold, folds, validation)).Result;
            Assert.Equal(Enumerable.Range(0, patches.Count), r.Train.Concat(r.Validation).Concat(r.Test).Order());
            var (train, val, test) =
                (PatientsOf(patches, r.Train), PatientsOf(patches, r.Validation), PatientsOf(patches, r.Test));
            Assert.Empty(train.Intersect(test));
            Assert.Empty(train.Intersect(val));
            Assert.Empty(val.Intersect(test));
            Assert.All(test, p => Assert.Equal(fold, foldOf[p]));
            Assert.All(val, p => Assert.NotEqual(fold, foldOf[p]));   // validation comes from the training folds only
            Assert.Equal(
                validation > 0 ? Math.Max(1, (int)Math.Round(validation * 23, MidpointRounding.AwayFromZero)) : 0,
                val.Count);
            Assert.Equal(r.Test, r.Test.Order());
            tested.AddRange(test);
        }
        Assert.Equal(everyone.Order(StringComparer.Ordinal), tested.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void Fold_sizes_differ_by_at_most_one_patient(int folds)
    {
        foreach (var seed in new[] { 1, 2, 42 })
        {
            var sizes = PatientFolds.Assign(PatientShare.Of(Synthetic()), folds, seed).GroupBy(kv => kv.Value)
                .Select(g => g.Count()).ToArray();
            Assert.Equal(folds, sizes.Length);
            Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
        }
    }

    [Fact]
    public void Folds_depend_on_the_seed_not_on_the_order_of_the_patients()
    {
        var shares = PatientShare.Of(Synthetic());
        var reversed = shares.Reverse().ToList();
        Assert.Equal(PatientFolds.Assign(shares, 5, 42), PatientFolds.Assign(reversed, 5, 42));
        Assert.NotEqual(PatientFolds.Assign(shares, 5, 42), PatientFolds.Assign(shares, 5, 43));
    }

    [Fact]
    public void The_validation_draw_is_seeded_and_stratified_over_the_training_folds()
    {
        var patches = Synthetic();
        var a = Splitter.Split(patches, Kfold(1, validation: 0.2)).Result;
        var b = Splitter.Split(patches, Kfold(1, validation: 0.2)).Result;
        Assert.Equal(a.Validation, b.Validation);
        // 5 validation patients, one from each fifth of the other folds' patients ordered by IDC share: low and high
        // both present.
        var shares = PatientShare.Of(patches).ToDictionary(s => s.Patient, s => s.IdcShare);
        var validation = PatientsOf(patches, a.Validation).Select(p => shares[p]).Order().ToArray();
        Assert.Equal(5, validation.Length);
        Assert.True(validation[0] < 0.25 && validation[^1] > 0.75, string.Join(", ", validation));
    }

    [Fact]
    public void Fold_assignment_is_locked_on_a_synthetic_patient_list() =>
        Snapshot.Match(Describe(Synthetic(), folds: 5, seed: 42));

    [Fact]
    public void Fold_assignment_is_locked_on_the_real_sample() =>
        Snapshot.Match(Describe(Sample.Value, folds: 5, seed: 42));

    [Theory]
    [InlineData(42)]
    [InlineData(1)]
    [InlineData(7)]
    public void Folds_of_the_real_sample_each_span_the_range_of_class_balance(int seed)
    {
        // 28 patients with IDC shares from 0 to 1 (mean 0.275): each fold's mean share stays within 0.1 of the overall
        // mean, and every fold holds one of the 9 least and one of the 9 most IDC-rich patients.
        var shares = PatientShare.Of(Sample.Value);
        Assert.Equal(28, shares.Count);
        var foldOf = PatientFolds.Assign(shares, 5, seed);
        var overall = shares.Average(s => s.IdcShare);
        var ordered = shares.OrderBy(s => s.IdcShare).ToArray();
        var lowest = ordered.Take(9).Select(s => s.Patient).ToHashSet();
        var highest = ordered.TakeLast(9).Select(s => s.Patient).ToHashSet();
        for (var fold = 0; fold < 5; fold++)
        {
            var members = shares.Where(s => foldOf[s.Patient] == fold).ToArray();
            Assert.InRange(members.Average(s => s.IdcShare), overall - 0.1, overall + 0.1);
            Assert.Contains(members, s => lowest.Contains(s.Patient));
            Assert.Contains(members, s => highest.Contains(s.Patient));
        }
    }

    [Fact]
    public void Stratification_at_least_halves_the_worst_folds_distance_from_the_mean_share_on_the_real_sample()
    {
        // Over 50 seeds: the largest |fold mean share - overall mean| of the stratified folds, against patients
        // shuffled and dealt round-robin (the same fold sizes, no stratification).
        var shares = PatientShare.Of(Sample.Value);
        var overall = shares.Average(s => s.IdcShare);
        double Worst(IReadOnlyDictionary<string, int> foldOf) => shares.GroupBy(s => foldOf[s.Patient])
            .Max(g => Math.Abs(g.Average(s => s.IdcShare) - overall));
        var stratified = Enumerable.Range(0, 50).Average(seed => Worst(PatientFolds.Assign(shares, 5, seed)));
        var unstratified = Enumerable.Range(0, 50).Average(seed =>
        {
            var order = shares.Select(s => s.Patient).ToArray();
            new SeededRandom(seed).Shuffle(order);
            return Worst(order.Select((p, k) => (p, k)).ToDictionary(x => x.p, x => x.k % 5));
        });
        Assert.True(stratified < unstratified / 2, $"stratified {stratified:F3}, unstratified {unstratified:F3}");
    }

    [Fact]
    public void Too_few_patients_and_bad_arguments_are_clear_errors()
    {
        var patches = Synthetic().Where(p => string.CompareOrdinal(p.Patient, "q03") < 0).ToList(); // 3 patients
        var e = Assert.Throws<StageException>(() => Splitter.Split(patches, Kfold(0, folds: 4)));
        Assert.Contains("3 patients are too few for 4 folds", e.Message);
        e = Assert.Throws<StageException>(() => Splitter.Split(patches, Kfold(0, folds: 3, validation: 0.5)));
        Assert.Contains("training set needs at least one patient", e.Message);
        Assert.Throws<ArgumentException>(() => PatientFolds.Assign([new("a", 0.1), new("a", 0.2), new("b", 0)], 2, 1));
        Assert.Throws<ArgumentException>(() => PatientFolds.Assign([new("a", 1.5), new("b", 0)], 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatientFolds.Assign([new("a", 0), new("b", 0)], 1, 1));
    }

    [Fact]
    public void The_split_says_which_fold_it_tests_and_that_test_fraction_is_not_used()
    {
        var outcome = Splitter.Split(Synthetic(), Kfold(2) with { TestFraction = 0.4 });
        var note = Assert.Single(outcome.Notes);
        Assert.Contains("fold 2 of 5 is the test set", note);
        Assert.Contains("test_fraction is not used", note);
    }

    /// <summary>Each fold's patients with their IDC shares, and its mean share.</summary>
    private static object Describe(IReadOnlyList<Patch> patches, int folds, int seed)
    {
        var shares = PatientShare.Of(patches);
        var foldOf = PatientFolds.Assign(shares, folds, seed);
        return Enumerable.Range(0, folds).Select(fold =>
        {
            var members = shares.Where(s => foldOf[s.Patient] == fold).ToArray();
            return new
            {
                fold,
                mean_idc_share = Math.Round(members.Average(s => s.IdcShare), 4),
                patients = members.Select(s =>
                    string.Create(CultureInfo.InvariantCulture, $"{s.Patient} ({s.IdcShare:F3})")).ToArray(),
            };
        }).ToArray();
    }
}
