using IdcRepro.Reporting.Comparing;

namespace IdcRepro.Tests.Reporting;

public sealed class ConfigDiffTests
{
    private const string Baseline = """
        name: blog
        split:
          strategy: random
          seed: 42
        train:
          epochs: 80
          learning_rate: 1e-05
          model:
            conv_widths: [32, 64, 128, 256]
          augment:
            horizontal_flip: true
        index:
          first: 60000
        """;

    private const string Variant = """
        name: patient-split
        split:
          strategy: patient
          seed: 42
          stratify: true
        train:
          epochs: 80
          learning_rate: 1e-05
          model:
            conv_widths: [32, 64, 128]
        index:
          first:
        """;

    [Fact]
    public void Flattens_sections_to_dotted_keys_in_document_order()
    {
        var flat = ConfigFlattener.Flatten(Baseline);
        Assert.Equal(
        [
            new("name", "blog"), new("split.strategy", "random"), new("split.seed", "42"), new("train.epochs", "80"),
            new("train.learning_rate", "1e-05"), new("train.model.conv_widths", "[32, 64, 128, 256]"),
            new("train.augment.horizontal_flip", "true"), new("index.first", "60000"),
        ], flat);
        Assert.Equal("null", ConfigFlattener.Flatten(Variant).Single(kv => kv.Key == "index.first").Value);
    }

    [Fact]
    public void Finds_changed_added_and_removed_keys()
    {
        var changes = ConfigDiff.Between(Baseline, Variant);
        Assert.Equal(
        [
            new ConfigChange("name", ChangeKind.Changed, "blog", "patient-split"),
            new ConfigChange("split.strategy", ChangeKind.Changed, "random", "patient"),
            new ConfigChange("train.model.conv_widths", ChangeKind.Changed, "[32, 64, 128, 256]", "[32, 64, 128]"),
            new ConfigChange("train.augment.horizontal_flip", ChangeKind.Removed, "true", null),
            new ConfigChange("index.first", ChangeKind.Changed, "60000", "null"),
            new ConfigChange("split.stratify", ChangeKind.Added, null, "true"),
        ], changes);
    }

    [Fact]
    public void Ignored_keys_and_identical_configs_give_no_changes()
    {
        Assert.Empty(ConfigDiff.Between(Baseline, Baseline));
        Assert.DoesNotContain(ConfigDiff.Between(Baseline, Variant, ["name", "train"]),
            c => c.Key == "name" || c.Key.StartsWith("train.", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_of_mappings_are_indexed()
    {
        var flat = ConfigFlattener.Flatten("stages:\n  - name: a\n    seconds: 1\n  - name: b\nempty: {}\nnone: []\n");
        Assert.Equal([new("stages[0].name", "a"), new("stages[0].seconds", "1"), new("stages[1].name", "b"),
            new("empty", "{}"), new("none", "[]")], flat);
    }
}
