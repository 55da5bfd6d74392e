using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Pipeline;
using IdcRepro.Sampling;

namespace IdcRepro.Tests.Sampling;

public sealed class SplitterTests
{
    /// <summary>
    /// Patients "p0".."p{n-1}", each with <paramref name="perPatient"/> patches, patient i having i % 4 IDC patches in
    /// 4.
    /// </summary>
    private static List<Patch> Patches(int patients, int perPatient)
    {
        var list = new List<Patch>();
        for (var p = 0; p < patients; p++)
            for (var k = 0; k < perPatient; k++)
                list.Add(new Patch($"{p}/{k}", $"p{p:D2}", k * 50 + 1, 1, k % 4 < p % 4 ? 1 : 0));
        return list;
    }

    private static void AssertPartition(SplitResult r, int n)
    {
        var all = r.Train.Concat(r.Validation).Concat(r.Test).ToList();
        Assert.Equal(n, all.Count);
        Assert.Equal(Enumerable.Range(0, n), all.Order());
    }

    [Fact]
    public void Random_split_counts_like_sklearn_and_is_deterministic()
    {
        var patches = Patches(10, 101);
        var config = new SplitConfig { Strategy = SplitStrategy.Random, TestFraction = 0.15, Seed = 42 };
        var a = Splitter.Split(patches, config).Result;
        var b = Splitter.Split(patches, config).Result;
        AssertPartition(a, 1010);
        Assert.Equal((int)Math.Ceiling(0.15 * 1010), a.Test.Count);
        Assert.Empty(a.Validation);
        Assert.Equal(a, b with { }, new SplitComparer());
        Assert.NotEqual(a.Test, Splitter.Split(patches, config with { Seed = 43 }).Result.Test);
    }

    [Fact]
    public void Stratified_random_split_keeps_the_class_share()
    {
        var patches = Patches(10, 100);
        var r = Splitter.Split(patches,
            new SplitConfig { TestFraction = 0.2, ValidationFraction = 0.1, Stratify = true }).Result;
        AssertPartition(r, 1000);
        double Share(IReadOnlyList<int> rows) => rows.Average(i => patches[i].Label);
        var overall = patches.Average(p => p.Label);
        Assert.InRange(Share(r.Test), overall - 0.005, overall + 0.005);
        Assert.InRange(Share(r.Validation), overall - 0.01, overall + 0.01);
        Assert.Equal(200, r.Test.Count);
        Assert.Equal(100, r.Validation.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Patient_split_never_puts_a_patient_in_two_sets(bool stratify)
    {
        var patches = Patches(20, 30);
        var r = Splitter.Split(patches, new SplitConfig
        {
            Strategy = SplitStrategy.Patient, TestFraction = 0.2, ValidationFraction = 0.1, Stratify = stratify
        }).Result;
        AssertPartition(r, 600);
        HashSet<string> Patients(IReadOnlyList<int> rows) => rows.Select(i => patches[i].Patient).ToHashSet();
        Assert.Empty(Patients(r.Train).Intersect(Patients(r.Test)));
        Assert.Empty(Patients(r.Train).Intersect(Patients(r.Validation)));
        Assert.Empty(Patients(r.Validation).Intersect(Patients(r.Test)));
        Assert.Equal(4, Patients(r.Test).Count);
        Assert.Equal(2, Patients(r.Validation).Count);
    }

    [Fact]
    public void Stratified_patient_split_spreads_class_balance_over_the_sets()
    {
        var patches = Patches(40, 8);
        var r = Splitter.Split(patches,
            new SplitConfig { Strategy = SplitStrategy.Patient, TestFraction = 0.25, Stratify = true }).Result;
        // Patients have IDC shares 0, 1/4, 2/4, 3/4 (10 each); a stratified test set of 10 gets some of each.
        var shares = r.Test.Select(i => patches[i].Patient).Distinct()
            .Select(p => patches.Where(x => x.Patient == p).Average(x => x.Label)).ToList();
        Assert.Equal(4, shares.Distinct().Count());
    }

    [Fact]
    public void Patient_with_one_patch_and_patient_with_one_class_are_handled()
    {
        var patches = Patches(6, 10);
        patches.Add(new Patch("lonely", "p99", 1, 1, 1));
        var r = Splitter.Split(patches,
            new SplitConfig { Strategy = SplitStrategy.Patient, TestFraction = 0.3 }).Result;
        AssertPartition(r, 61);
    }

    [Fact]
    public void Too_few_patients_is_a_clear_error()
    {
        var e = Assert.Throws<StageException>(() => Splitter.Split(Patches(2, 5),
            new SplitConfig { Strategy = SplitStrategy.Patient, TestFraction = 0.4, ValidationFraction = 0.4 }));
        Assert.Contains("too few", e.Message);
    }

    [Theory]
    [InlineData(SplitStrategy.Random, false)]
    [InlineData(SplitStrategy.Random, true)]
    [InlineData(SplitStrategy.Patient, false)]
    [InlineData(SplitStrategy.Patient, true)]
    public void Test_fraction_0_beside_a_validation_set_leaves_the_test_set_empty(SplitStrategy strategy, bool stratify)
    {
        var patches = Patches(20, 30);
        var config = new SplitConfig
        {
            Strategy = strategy, TestFraction = 0, ValidationFraction = 0.2, Stratify = stratify
        };
        var r = Splitter.Split(patches, config).Result;
        AssertPartition(r, 600);
        Assert.Empty(r.Test);
        Assert.Equal(120, r.Validation.Count); // 20% of the patches, or 4 of 20 patients of 30 patches
    }

    [Fact]
    public void A_patient_split_with_a_test_share_is_unchanged_by_the_test_fraction_0_rule()
    {
        // The locked demo and sample splits cover this too; here the counts: 0.2 of 20 patients is 4, at least 1 for
        // tiny shares.
        var patches = Patches(20, 3);
        Assert.Equal(12, Splitter.Split(patches,
            new SplitConfig { Strategy = SplitStrategy.Patient, TestFraction = 0.2 }).Result.Test.Count);
        Assert.Equal(3, Splitter.Split(patches,
            new SplitConfig { Strategy = SplitStrategy.Patient, TestFraction = 0.01 }).Result.Test.Count);
    }

    [Fact]
    public void Lists_split_uses_only_listed_patients_and_says_what_it_found()
    {
        var patches = Patches(5, 4);
        var lists = new PatientLists(["p00", "p01", "p77"], ["p02"], ["p03"]);
        var outcome = Splitter.Split(patches, new SplitConfig { Strategy = SplitStrategy.Lists }, lists);
        Assert.Equal(8, outcome.Result.Train.Count);
        Assert.Equal(4, outcome.Result.Validation.Count);
        Assert.Equal(4, outcome.Result.Test.Count);
        Assert.Contains("train: found 2 of 3 listed patients", outcome.Notes);
        Assert.Contains("left out 1 patient(s) in no list: p04", outcome.Notes);
    }

    [Fact]
    public void A_patient_in_two_lists_is_an_error()
    {
        var e = Assert.Throws<StageException>(() => Splitter.Split(Patches(3, 2),
            new SplitConfig { Strategy = SplitStrategy.Lists }, new PatientLists(["p00"], [], ["p00", "p01"])));
        Assert.Contains("patient p00 is listed for both train and test", e.Message);
    }

    [Fact]
    public void Patient_list_files_allow_comments_and_blank_lines() =>
        Assert.Equal(["8863", "10253"], PatientLists.ParseFile("# train\n8863\n\n10253  # partial\n"));

    [Fact]
    public void Apportion_sums_to_total() => Assert.Equal([2, 1], Splitter.Apportion(3, [20, 10]));

    private sealed class SplitComparer : IEqualityComparer<SplitResult>
    {
        public bool Equals(SplitResult? x, SplitResult? y) => x!.Train.SequenceEqual(y!.Train)
            && x.Validation.SequenceEqual(y.Validation) && x.Test.SequenceEqual(y.Test);
        public int GetHashCode(SplitResult obj) => obj.Train.Count;
    }
}
