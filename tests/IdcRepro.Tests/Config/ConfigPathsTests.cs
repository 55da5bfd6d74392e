using IdcRepro.Config;

namespace IdcRepro.Tests.Config;

public sealed class ConfigPathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "work", "repo");

    [Fact]
    public void The_file_settings_are_known_by_their_keys()
    {
        Assert.Equal(
            ["data.path", "evaluate.external", "split.lists.test", "split.lists.train", "split.lists.validation"],
            ConfigPaths.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_list_of_paths_is_resolved_against_its_file_and_each_path_is_in_the_key_under_its_index()
    {
        using var temp = new TestSupport.TempFolder();
        var path = temp.File("configs/x.yaml",
            "name: x\ndata:\n  source: synthetic\nevaluate:\n  external: [../other/a.zip, b]\n");
        var config = ConfigLoader.Load(path);
        string[] expected = [temp.PathOf("other/a.zip"), temp.PathOf("configs/b")];
        Assert.Equal(expected, config.Evaluate.External);
        Assert.Equal([("evaluate.external[0]", expected[0]), ("evaluate.external[1]", expected[1])],
            ConfigPaths.Of(config.Evaluate, "evaluate"));

        // --set paths: relative to the working directory.
        var set = ConfigLoader.Load(path, ["evaluate.external=[c.zip]"]);
        Assert.Equal([Path.GetFullPath("c.zip")], set.Evaluate.External);
    }

    [Fact]
    public void Two_external_sets_of_one_name_are_an_error_naming_the_line()
    {
        using var temp = new TestSupport.TempFolder();
        var path = temp.File("x.yaml",
            "name: x\ndata:\n  source: synthetic\nevaluate:\n  external:\n  - a/set.zip\n  - b/set.zip\n");
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));
        Assert.Contains("x.yaml:6:3:", e.Message);
        Assert.Contains("two external sets are named 'set'", e.Message);
    }

    [Fact]
    public void A_list_of_paths_is_shown_path_by_path()
    {
        var value = $"[{Path.Combine(Root, "data", "a.zip")}, {Path.Combine(Root, "..", "shared", "b.zip")}]";
        Assert.Equal("[data/a.zip, ../shared/b.zip]", ConfigPaths.DisplayValue(value, Root));
        Assert.Equal("[]", ConfigPaths.DisplayValue("[]", Root));
    }

    [Fact]
    public void Paths_in_or_beside_the_repository_are_shown_relative_to_it_others_whole()
    {
        Assert.Equal("configs/lists/train.txt",
            ConfigPaths.Display(Path.Combine(Root, "configs", "lists", "train.txt"), Root));
        Assert.Equal("../shared/data/janowczyk-2016-split/val.txt",
            ConfigPaths.Display(Path.Combine(Root, "..", "shared", "data", "janowczyk-2016-split", "val.txt"), Root));
        var far = Path.Combine(Path.GetTempPath(), "elsewhere", "deep", "test.txt");
        Assert.Equal(far, ConfigPaths.Display(far, Root));
        Assert.Equal("../x.txt", ConfigPaths.Display("../x.txt", Root));
    }
}
