using IdcRepro.Config;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Config;

/// <summary>How a --config argument becomes a file: as given, else from configs/, then configs/ablations/.</summary>
public sealed class ConfigLocatorTests : IDisposable
{
    private readonly TempFolder _repo = new();

    public void Dispose() => _repo.Dispose();

    private const string Yaml = "name: t\ndata:\n  source: synthetic\n";

    private ConfigLocation Locate(string given) => ConfigLocator.Locate(given, _repo.Path);

    [Fact]
    public void A_bare_name_is_found_in_configs_and_says_so()
    {
        _repo.File("configs/baseline.yaml", Yaml);

        var location = Locate("baseline.yaml");

        Assert.Equal(_repo.PathOf("configs/baseline.yaml"), location.Path);
        Assert.True(location.Searched);
        Assert.Equal("config: baseline.yaml -> configs/baseline.yaml", location.Describe());
    }

    [Fact]
    public void A_name_without_yaml_gets_it_added()
    {
        _repo.File("configs/baseline.yaml", Yaml);
        _repo.File("configs/ablations/uncapped.yaml", Yaml);

        Assert.Equal(_repo.PathOf("configs/baseline.yaml"), Locate("baseline").Path);
        Assert.Equal(_repo.PathOf("configs/ablations/uncapped.yaml"), Locate("uncapped").Path);
        Assert.Equal(_repo.PathOf("configs/baseline.yaml"), Locate("configs/baseline").Path);
    }

    [Fact]
    public void A_name_only_in_ablations_is_found_there()
    {
        _repo.File("configs/baseline.yaml", Yaml);
        _repo.File("configs/ablations/batch-norm.yaml", Yaml);

        Assert.Equal("config: batch-norm.yaml -> configs/ablations/batch-norm.yaml",
            Locate("batch-norm.yaml").Describe());
        Assert.Equal(_repo.PathOf("configs/ablations/batch-norm.yaml"), Locate("ablations/batch-norm.yaml").Path);
    }

    [Fact]
    public void A_name_in_both_folders_is_an_error_naming_both()
    {
        _repo.File("configs/x.yaml", Yaml);
        _repo.File("configs/ablations/x.yaml", Yaml);

        var e = Assert.Throws<ConfigException>(() => Locate("x.yaml"));

        Assert.Equal("x.yaml: matches both configs/x.yaml and configs/ablations/x.yaml; pass the path of the one you " +
            "mean with --config.", e.Message);
    }

    [Fact]
    public void A_real_file_in_the_working_directory_wins()
    {
        _repo.File("configs/baseline.yaml", Yaml);
        var own = _repo.File("baseline.yaml", Yaml);

        var location = Locate("baseline.yaml");

        Assert.Equal(own, location.Path);
        Assert.False(location.Searched);
        Assert.Equal(own, Locate(own).Path);
    }

    [Fact]
    public void A_name_found_nowhere_lists_what_there_is()
    {
        _repo.File("configs/baseline.yaml", Yaml);
        _repo.File("configs/ablations/uncapped.yaml", Yaml);

        var e = Assert.Throws<ConfigException>(() => Locate("basline.yaml"));

        Assert.StartsWith("basline.yaml: config file not found in the working directory", e.Message);
        Assert.Contains("configs/ or configs/ablations/", e.Message);
        Assert.Contains("configs/: baseline; configs/ablations/: uncapped", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_folder_is_not_one_config()
    {
        _repo.File("configs/ablations/a.yaml", Yaml);
        var e = Assert.Throws<ConfigException>(() => Locate("configs/ablations"));
        Assert.Contains("is a folder", e.Message);
    }

    [Fact]
    public void Variants_expand_folders_given_as_paths_or_names_and_resolve_names()
    {
        _repo.File("configs/sample.yaml", Yaml);
        _repo.File("configs/ablations/b.yaml", Yaml);
        _repo.File("configs/ablations/a.yaml", Yaml);
        _repo.File("configs/ablations/notes.txt", "not a config");

        string[] Names(params string[] given) =>
            [.. ConfigLocator.LocateVariants(given, _repo.Path).Select(v => v.DisplayPath)];

        Assert.Equal(["configs/sample.yaml", "configs/ablations/a.yaml", "configs/ablations/b.yaml"],
            Names("sample", "ablations"));
        Assert.Equal(["configs/ablations/a.yaml", "configs/ablations/b.yaml"], Names("configs/ablations"));
        Assert.Equal(["configs/ablations/b.yaml", "configs/sample.yaml"], Names("b.yaml", "configs/sample.yaml"));
    }

    [Fact]
    public void Paths_outside_the_working_directory_are_shown_whole()
    {
        using var elsewhere = new TempFolder();
        var file = elsewhere.File("v.yaml", Yaml);
        Assert.Equal(file, ConfigLocator.Display(file, _repo.Path));
        Assert.Equal("configs/v.yaml",
            ConfigLocator.Display(Path.Combine(_repo.Path, "configs", "v.yaml"), _repo.Path));
    }
}
