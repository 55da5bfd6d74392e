using IdcRepro.Config;
using IdcRepro.Tests.TestSupport;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Config;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Minimal = "name: t\ndata:\n  source: synthetic\n";

    private ConfigException LoadFails(string yaml, params string[] sets)
    {
        var path = _temp.File("bad.yaml", yaml);
        return Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, sets));
    }

    [Fact]
    public void Unknown_key_names_file_line_key_and_allowed_keys()
    {
        var e = LoadFails(Minimal + "split:\n  strategy: random\n  sed: 3\n");
        Assert.Contains("bad.yaml:6:3:", e.Message);
        Assert.Contains("unknown key 'split.sed'", e.Message);
        Assert.Contains("did you mean 'seed'", e.Message);
        Assert.Contains("test_fraction", e.Message);
    }

    [Fact]
    public void Unknown_section_is_an_error()
    {
        var e = LoadFails(Minimal + "trian:\n  epochs: 3\n");
        Assert.Contains("bad.yaml:4:1:", e.Message);
        Assert.Contains("unknown key 'trian'", e.Message);
    }

    [Fact]
    public void Wrong_type_names_the_line_and_what_is_expected()
    {
        var e = LoadFails(Minimal + "split:\n  seed: forty-two\n");
        Assert.Contains("bad.yaml:5:9:", e.Message);
        Assert.Contains("'split.seed' is 'forty-two'; expected a whole number", e.Message);
    }

    [Fact]
    public void Out_of_range_value_says_the_range()
    {
        var e = LoadFails(Minimal + "split:\n  test_fraction: 1.5\n");
        Assert.Contains("bad.yaml:5:18:", e.Message);
        Assert.Contains("out of range; allowed: from 0 to 1", e.Message);
    }

    [Fact]
    public void Bad_enum_value_lists_the_allowed_ones()
    {
        var e = LoadFails("name: t\ndata:\n  source: ftp\n");
        Assert.Contains("bad.yaml:3:11:", e.Message);
        Assert.Contains("allowed: synthetic, zip, directory, url", e.Message);
    }

    [Fact]
    public void Missing_required_value_is_named()
    {
        var e = LoadFails("name: t\ndata:\n  path: x.zip\n");
        Assert.Contains("missing required key 'data.source'", e.Message);
        Assert.Contains("bad.yaml:3:3", e.Message);
    }

    [Fact]
    public void Rule_across_keys_names_the_line_of_the_key()
    {
        var e = LoadFails("name: t\ndata:\n  source: zip\n");
        Assert.Contains("'data.path'", e.Message);
        Assert.Contains("needs data.path", e.Message);
    }

    [Fact]
    public void A_section_given_a_value_is_an_error()
    {
        var e = LoadFails(Minimal + "split: random\n");
        Assert.Contains("'split' is a section", e.Message);
    }

    [Fact]
    public void Yaml_syntax_error_names_the_line()
    {
        var e = LoadFails("name: t\ndata:\n  source: 'synthetic\n");
        Assert.Contains("bad.yaml:", e.Message);
        Assert.Contains("not valid YAML", e.Message);
    }

    [Fact]
    public void Extends_inherits_and_overrides_and_resolves_paths_against_the_file_that_set_them()
    {
        _temp.File("base/baseline.yaml",
            "name: base\ndata:\n  source: zip\n  path: data/x.zip\nsplit:\n  seed: 1\n  test_fraction: 0.2\n");
        var variant = _temp.File("variants/v.yaml", "extends: ../base/baseline.yaml\nname: v\nsplit:\n  seed: 9\n");

        var config = ConfigLoader.Load(variant);

        Assert.Equal("v", config.Name);
        Assert.Equal(9, config.Split.Seed);
        Assert.Equal(0.2, config.Split.TestFraction);
        Assert.Equal(Path.Combine(_temp.Path, "base", "data", "x.zip"), config.Data.Path);
    }

    [Fact]
    public void Set_overrides_and_is_checked_like_a_file()
    {
        var path = _temp.File("c.yaml", Minimal);

        var config = ConfigLoader.Load(path, ["split.seed=5", "undersample.sets=[train]", "index.first=100"]);
        Assert.Equal(5, config.Split.Seed);
        Assert.Equal([DataSet.Train], config.Undersample.Sets);
        Assert.Equal(100, config.Index.First);

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, ["split.seeds=5"]));
        Assert.Contains("command line (--set split.seeds=5)", e.Message);
        Assert.Contains("did you mean 'seed'", e.Message);
    }

    [Fact]
    public void Seeds_must_differ_and_each_makes_its_own_named_run()
    {
        var e = LoadFails(Minimal + "seeds: [1, 1]\n");
        Assert.Contains("bad.yaml:4:8:", e.Message);
        Assert.Contains("the seeds must differ", e.Message);

        var path = _temp.File("s.yaml", Minimal);
        var runs = ConfigLoader.Load(path, ["seeds=[3, 5]"]).Runs();
        Assert.Equal([("t-seed3", 3), ("t-seed5", 5)], runs.Select(r => (r.Name, r.Train.Seed)));
        Assert.Single(ConfigLoader.Load(path).Runs());
    }

    [Fact]
    public void Patient_kfold_reads_its_folds_and_refuses_a_fold_that_does_not_exist()
    {
        var path = _temp.File("k.yaml",
            Minimal + "split:\n  strategy: patient_kfold\n  folds: 4\n  fold: 3\n  validation_fraction: 0.1\n");
        var split = ConfigLoader.Load(path).Split;
        Assert.Equal((SplitStrategy.PatientKfold, 4, 3), (split.Strategy, split.Folds, split.Fold));
        Assert.Equal((5, 0), (new SplitConfig().Folds, new SplitConfig().Fold));

        var e = LoadFails(Minimal + "split:\n  strategy: patient_kfold\n  folds: 3\n  fold: 3\n");
        Assert.Contains("bad.yaml:7:9:", e.Message);
        Assert.Contains("fold 3 does not exist with 3 folds: folds are numbered 0 to 2", e.Message);
        Assert.Contains("allowed: from 2 to 100", LoadFails(Minimal + "split:\n  folds: 1\n").Message);
        Assert.Contains("below 1",
            LoadFails(Minimal + "split:\n  strategy: patient_kfold\n  folds: 2\n  validation_fraction: 0.5\n").Message);
        // test_fraction is not used by patient_kfold: an inherited one is no error.
        Assert.Equal(0.8, ConfigLoader.Load(path, ["split.test_fraction=0.8"]).Split.TestFraction);
    }

    [Fact]
    public void Test_fraction_0_needs_a_validation_set_and_a_strategy_that_uses_it()
    {
        var path = _temp.File("t.yaml", Minimal);
        Assert.Equal(0, ConfigLoader.Load(path,
            ["split.test_fraction=0", "split.validation_fraction=0.2"]).Split.TestFraction);
        Assert.Equal(0, ConfigLoader.Load(path,
            ["split.strategy=patient", "split.test_fraction=0", "split.validation_fraction=0.2"]).Split.TestFraction);

        var e = LoadFails(Minimal + "split:\n  test_fraction: 0\n");
        Assert.Contains("bad.yaml:5:18:", e.Message);
        Assert.Contains("test_fraction 0 leaves no test set", e.Message);
        e = LoadFails(Minimal + "split:\n  strategy: patient_kfold\n  test_fraction: 0\n  validation_fraction: 0.2\n");
        Assert.Contains("strategy 'patient_kfold' takes its test set from fold split.fold", e.Message);
    }

    [Fact]
    public void A_validation_balanced_threshold_needs_a_validation_set()
    {
        var path = _temp.File("th.yaml", Minimal);
        Assert.Equal(ThresholdRule.Fixed, ConfigLoader.Load(path).Evaluate.Threshold);
        var config = ConfigLoader.Load(path,
            ["evaluate.threshold=validation_balanced", "split.validation_fraction=0.1"]);
        Assert.Equal(ThresholdRule.ValidationBalanced, config.Evaluate.Threshold);

        var e = LoadFails(Minimal + "evaluate:\n  threshold: validation_balanced\n");
        Assert.Contains("bad.yaml:5:14:", e.Message);
        Assert.Contains("'evaluate.threshold': validation_balanced chooses the threshold on the validation set, " +
            "and this split has none", e.Message);
    }

    [Fact]
    public void Colour_jitter_is_off_by_default_and_its_hue_range_is_at_most_one_half()
    {
        var path = _temp.File("c.yaml", Minimal);
        Assert.Equal(new ColorJitterConfig { Brightness = 0, Contrast = 0, Saturation = 0, Hue = 0 },
            ConfigLoader.Load(path).Train.Augment.Color);
        Assert.Equal(0.1,
            ConfigLoader.Load(path, ["train.augment.color.brightness=0.1"]).Train.Augment.Color.Brightness);
        var e = LoadFails(Minimal + "train:\n  augment:\n    color:\n      hue: 0.6\n");
        Assert.Contains("'train.augment.color.hue' is 0.6, out of range; allowed: from 0 to 0.5", e.Message);
    }

    [Fact]
    public void Set_through_a_value_blames_the_command_line_not_the_file()
    {
        var path = _temp.File("c.yaml", Minimal + "train:\n  epochs: 5\n");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, ["train.epochs.x=3"]));
        Assert.Equal("--set train.epochs.x=3: 'train.epochs' is a number, not a section; set it directly, " +
            "e.g. --set train.epochs=3.", e.Message);

        // The same when the file never set the key, and for a list.
        Assert.StartsWith("--set split.seed.x=1: 'split.seed' is a number",
            Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, ["split.seed.x=1"])).Message);
        Assert.StartsWith("--set seeds.a=1: 'seeds' is a list",
            Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, ["seeds.a=1"])).Message);
    }

    [Fact]
    public void Set_making_a_section_where_the_file_has_a_value_names_the_command_line()
    {
        var path = _temp.File("c.yaml", Minimal + "split: random\n");
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, ["split.sed=1"]));
        Assert.StartsWith("command line (--set split.sed=1): unknown key 'split.sed'", e.Message);
    }

    [Fact]
    public void Set_without_equals_is_explained()
    {
        var path = _temp.File("c.yaml", Minimal);
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, ["split.seed"]));
        Assert.Contains("expected section.key=value", e.Message);
    }

    [Fact]
    public void Extends_cycle_is_reported()
    {
        _temp.File("a.yaml", "extends: b.yaml\n" + Minimal);
        _temp.File("b.yaml", "extends: a.yaml\n");
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(_temp.Path, "a.yaml")));
        Assert.Contains("goes round in a circle", e.Message);
    }

    [Fact]
    public void Missing_config_file_says_what_to_do()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(_temp.Path, "nope.yaml")));
        Assert.Contains("config file not found", e.Message);
    }

    public static TheoryData<string> ShippedConfigs() => new(Directory
        .GetFiles(RepoPaths.Configs, "*.yaml", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoPaths.Configs, f))
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ShippedConfigs))]
    public void Shipped_configs_load(string file) => ConfigLoader.Load(Path.Combine(RepoPaths.Configs, file));

    [Fact]
    public void Ablations_change_only_what_they_say_against_the_sample()
    {
        var sample = ConfigLoader.Load(Path.Combine(RepoPaths.Configs, "sample.yaml"));
        var noAugmentation = ConfigLoader.Load(Path.Combine(RepoPaths.Configs, "ablations", "no-augmentation.yaml"));
        Assert.Equal(sample.Data, noAugmentation.Data);
        Assert.Equal(sample.Split, noAugmentation.Split);
        Assert.Equal(0, noAugmentation.Train.Augment.RotationDegrees);
        Assert.Equal(sample.Train.LearningRate, noAugmentation.Train.LearningRate);
    }

    [Fact]
    public void Patient_variants_are_5_fold_patient_cross_validations_of_the_sample_that_each_change_one_thing()
    {
        var folder = Path.Combine(RepoPaths.Configs, "patient");
        var cv = ConfigLoader.Load(Path.Combine(folder, "cv.yaml"));
        var sample = ConfigLoader.Load(Path.Combine(RepoPaths.Configs, "sample.yaml"));
        Assert.Equal(sample.Data, cv.Data);
        Assert.Equal((SplitStrategy.PatientKfold, 5), (cv.Split.Strategy, cv.Split.Folds));
        Assert.True(cv.Split.ValidationFraction > 0);
        Assert.Equal([DataSet.Train, DataSet.Validation, DataSet.Test], cv.Undersample.Sets);
        Assert.Equal(12, cv.Train.Epochs);
        Assert.Equal(["cv-fold0", "cv-fold1", "cv-fold2", "cv-fold3", "cv-fold4"], cv.Runs().Select(r => r.Name));

        var variants = Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != "cv.yaml")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => ConfigLoader.Load(f));
        Assert.Equal(["stain-augment", "stronger-training", "threshold", "tta"],
            variants.Keys.Order(StringComparer.Ordinal));
        Assert.All(variants.Values, v => Assert.Equal((cv.Data, cv.Split, 5), (v.Data, v.Split, v.FanOut().Folds)));
        Assert.Equal(variants.Count, variants.Values.Select(v => v.Name).Distinct().Count());
        Assert.True(variants["stain-augment"].Train.Augment.Color.Hue > 0);
        Assert.Equal(Json(cv.Train with { Augment = variants["stain-augment"].Train.Augment }),
            Json(variants["stain-augment"].Train));
        Assert.Equal(Json(cv.Evaluate with { Tta = true }), Json(variants["tta"].Evaluate));
        Assert.Equal(Json(cv.Evaluate with { Threshold = ThresholdRule.ValidationBalanced }),
            Json(variants["threshold"].Evaluate));
        var stronger = variants["stronger-training"].Train;
        Assert.Equal((1e-4, true, true), (stronger.LearningRate, stronger.Model.BatchNorm, stronger.ClassWeighted));
        Assert.Equal([DataSet.Validation, DataSet.Test], variants["stronger-training"].Undersample.Sets);
    }

    [Fact]
    public void Patient_best_trains_on_every_patient_but_a_validation_share_with_early_stopping_and_no_cap()
    {
        var best = ConfigLoader.Load(Path.Combine(RepoPaths.Configs, "patient-best.yaml"));
        var stronger = ConfigLoader.Load(Path.Combine(RepoPaths.Configs, "patient", "stronger-training.yaml"));
        Assert.Equal((SplitStrategy.Patient, 0.0), (best.Split.Strategy, best.Split.TestFraction));
        Assert.True(best.Split.ValidationFraction > 0);
        Assert.Equal(80, best.Train.Epochs);
        Assert.True(best.Train.EarlyStopping.Patience > 0);
        Assert.Single(best.Runs());
        // For now the combined-best variant's training, uncapped.
        Assert.Equal(Json(stronger.Train with { Epochs = 80 }), Json(best.Train));
    }

    /// <summary>A section as its canonical JSON (records holding lists compare their lists by reference).</summary>
    private static string Json(object section) => ConfigWriter.ToCanonicalJson(section);

    [Fact]
    public void Resolved_demo_config_is_locked() =>
        // The demo's resolved config: a change here changes every demo artifact.
        Snapshot.Match(ConfigWriter.ToYaml(ConfigLoader.Load(Path.Combine(RepoPaths.Configs, "demo.yaml"))));
}
