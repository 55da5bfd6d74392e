using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Sweeps;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Sweeps;

public sealed class SweepPlannerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly SweepProfile Slurm =
        new() { Executor = ExecutorKind.Slurm, Slurm = new SlurmExecutorConfig { CpusPerTask = 3 } };

    /// <summary>A variant of the tiny synthetic config: its file and the YAML lines it adds.</summary>
    private SweepVariant Variant(string name, string yaml = "", params string[] sets)
    {
        var file = _temp.File($"{name}.yaml",
            $"name: {name}\ndata:\n  source: synthetic\n  synthetic:\n    seed: 3\n    patients: 3\n{yaml}");
        return new SweepVariant($"{name}.yaml", ConfigLoader.Load(file, sets));
    }

    private static SweepRequest Request(IReadOnlyList<SweepVariant> variants, SweepProfile? profile = null,
        params string[] sets) => new()
        {
            Variants = variants, Sets = sets, Artifacts = "/art", Profile = profile ?? Slurm,
            CompareFolder = "/art/sweeps/x/compare",
        };

    private static SweepPlan Plan(SweepRequest request, Func<StageDefinition, RunSpec, bool>? upToDate = null,
        bool compareDone = false) =>
        SweepPlanner.Plan(request, upToDate ?? ((_, _) => false), compareDone);

    [Fact]
    public void Variants_that_share_their_data_config_share_one_data_job_one_array_and_one_report()
    {
        var a = Variant("a", "seeds: [1, 2]\n");
        var b = Variant("b", "seeds: [1, 2]\ntrain:\n  learning_rate: 0.001\n");
        var plan = Plan(Request([a, b]));

        Assert.Equal(["data-1", "train-1", "report-1", "compare"], plan.Jobs.Select(j => j.Name));
        Assert.Equal(["a.yaml", "b.yaml"], plan.Job("data-1").Variants);
        Assert.Equal(["undersample --config a.yaml --artifacts /art", "undersample --config b.yaml --artifacts /art"],
            plan.Job("data-1").Calls.Select(c => c.ToString()));
        var train = plan.Job("train-1");
        Assert.True(train.IsArray);
        Assert.Equal(["a-seed1", "a-seed2", "b-seed1", "b-seed2"], train.Tasks.Select(t => t.Run));
        Assert.Equal("evaluate --config b.yaml --artifacts /art --run b-seed2", train.Tasks[3].Call.ToString());
        Assert.Equal(["report --config a.yaml --artifacts /art", "report --config b.yaml --artifacts /art"],
            plan.Job("report-1").Calls.Select(c => c.ToString()));
        Assert.Equal("compare --config a.yaml --config b.yaml --artifacts /art --out /art/sweeps/x/compare",
            plan.Job("compare").Calls.Single().ToString());
    }

    [Fact]
    public void Each_job_waits_for_what_it_reads_and_compare_waits_for_everything()
    {
        var plan = Plan(Request([Variant("a"), Variant("b", "train:\n  epochs: 2\n")]));

        Assert.Empty(plan.Job("data-1").After);
        Assert.Equal(["data-1"], plan.Job("train-1").After);
        Assert.Equal(["data-1", "train-1"], plan.Job("report-1").After);
        Assert.Equal(["data-1", "train-1", "report-1"], plan.Job("compare").After);
    }

    [Fact]
    public void A_different_data_config_gets_its_own_jobs_so_its_failure_stops_only_its_own_variants()
    {
        var good = Variant("good");
        var bad = Variant("bad", "index:\n  first: 50\n");
        var plan = Plan(Request([good, bad]));

        Assert.Equal(["data-1", "train-1", "report-1", "data-2", "train-2", "report-2", "compare"],
            plan.Jobs.Select(j => j.Name));
        Assert.Equal(["data-2"], plan.Job("train-2").After);
        Assert.Equal(["data-2", "train-2"], plan.Job("report-2").After);
        Assert.Equal(["bad.yaml"], plan.Job("train-2").Variants);
        Assert.Equal(["data-1", "train-1", "report-1", "data-2", "train-2", "report-2"], plan.Job("compare").After);
    }

    [Fact]
    public void The_fold_is_not_part_of_the_data_config_and_seeds_are_not_either()
    {
        var fold0 = Variant("f0", "split:\n  strategy: patient_kfold\n  folds: 3\n  fold: 0\n");
        var fold1 = Variant("f1", "split:\n  strategy: patient_kfold\n  folds: 3\n  fold: 1\n  seed: 42\nseeds: [4]\n");
        Assert.Equal(DataConfigKey.Of(fold0.Config), DataConfigKey.Of(fold1.Config));
        Assert.NotEqual(DataConfigKey.Of(fold0.Config),
            DataConfigKey.Of(Variant("f2", "split:\n  strategy: patient_kfold\n  folds: 4\n").Config));
        Assert.Single(Plan(Request([fold0, fold1])).Jobs, j => j.Kind == SweepJobKind.Data);
    }

    [Fact]
    public void Up_to_date_runs_are_left_out_and_what_waits_for_them_waits_only_for_what_is_planned()
    {
        var a = Variant("a", "seeds: [1, 2]\n");
        var b = Variant("b", "seeds: [1, 2]\ntrain:\n  learning_rate: 0.001\n");
        // Everything is made but b-seed2's training: no data job, an array of one, reports of b only, then Compare.
        bool UpToDate(StageDefinition stage, RunSpec run) =>
            run.Name != "b-seed2" || stage.Name is "Fetch" or "Index" or "Preprocess" or "Split" or "Undersample";
        bool Reported(StageDefinition stage, RunSpec run) =>
            UpToDate(stage, run) && !(stage == Graph.Report && run.Name.StartsWith('b'));
        var plan = Plan(Request([a, b]), Reported, compareDone: true);

        Assert.Equal(["train-1", "report-1", "compare"], plan.Jobs.Select(j => j.Name));
        Assert.Equal(["b-seed2"], plan.Job("train-1").Tasks.Select(t => t.Run));
        Assert.Empty(plan.Job("train-1").After);
        Assert.Equal(["report --config b.yaml --artifacts /art"], plan.Job("report-1").Calls.Select(c => c.ToString()));
        Assert.Equal(["a-seed1", "a-seed2", "b-seed1"], plan.UpToDateRuns);
    }

    [Fact]
    public void A_sweep_that_is_up_to_date_plans_nothing_unless_its_compare_page_is_missing()
    {
        var request = Request([Variant("a"), Variant("b", "train:\n  epochs: 2\n")]);
        Assert.True(Plan(request, (_, _) => true, compareDone: true).IsEmpty);
        var compareOnly = Plan(request, (_, _) => true, compareDone: false);
        Assert.Equal(["compare"], compareOnly.Jobs.Select(j => j.Name));
        Assert.Empty(compareOnly.Job("compare").After);
    }

    [Fact]
    public void A_single_variant_needs_no_compare_job()
    {
        var plan = Plan(Request([Variant("a", "seeds: [1, 2, 3]\n")]));
        Assert.Equal(["data-1", "train-1", "report-1"], plan.Jobs.Select(j => j.Name));
        Assert.Equal(3, plan.Job("train-1").Tasks.Count);
    }

    [Fact]
    public void A_training_asks_for_its_train_threads_and_the_profile_cpus_only_when_threads_is_zero()
    {
        var two = Variant("two", "train:\n  threads: 2\n");
        var any = Variant("any", "train:\n  epochs: 2\n");
        var plan = Plan(Request([two, any], Slurm with { Slurm = Slurm.Slurm with { GpusPerJob = 1 } }));

        // One array per CPU count, as an array's tasks share one request.
        Assert.Equal(["data-1", "train-1-2cpu", "train-1-3cpu", "report-1", "compare"], plan.Jobs.Select(j => j.Name));
        Assert.Equal(2, plan.Job("train-1-2cpu").Cpus);
        Assert.Equal(3, plan.Job("train-1-3cpu").Cpus);
        Assert.All(plan.Jobs, j => Assert.Equal(j.IsArray ? 1 : 0, j.Gpus));
        Assert.Equal(3, plan.Job("data-1").Cpus);
        Assert.Equal(["data-1", "train-1-2cpu", "train-1-3cpu"], plan.Job("report-1").After);
    }

    [Fact]
    public void Every_call_passes_the_overrides_as_given()
    {
        var a = Variant("a", "", "seeds=[1, 2]");
        var plan = Plan(Request([a], Slurm, "seeds=[1, 2]", "train.epochs=2"));
        Assert.Equal(
            "evaluate --config a.yaml --set 'seeds=[1, 2]' --set train.epochs=2 --artifacts /art --run a-seed1",
            plan.Job("train-1").Calls[0].ToString());
    }

    [Fact]
    public void The_id_depends_on_the_resolved_configs_not_on_the_profile()
    {
        var a = Variant("a");
        var b = Variant("b", "train:\n  epochs: 2\n");
        Assert.Equal(Plan(Request([a, b])).Id,
            Plan(Request([a, b], new SweepProfile { Executor = ExecutorKind.Local })).Id);
        Assert.NotEqual(Plan(Request([a, b])).Id, Plan(Request([b, a])).Id);
        Assert.NotEqual(SweepId.Of([a, b]), SweepId.Of([a, Variant("b", "train:\n  epochs: 3\n")]));
        Assert.Matches("^[0-9a-f]{10}$", SweepId.Of([a]));
    }

    [Fact]
    public void Two_variants_that_make_the_same_run_are_refused()
    {
        var a = Variant("a");
        var twin = new SweepVariant("copy.yaml", a.Config);
        Assert.Contains("both make the run 'a'",
            Assert.Throws<ConfigException>(() => Plan(Request([a, twin]))).Message);
        Assert.Contains("a.yaml is given twice", Assert.Throws<ConfigException>(() => Plan(Request([a, a]))).Message);
    }
}
