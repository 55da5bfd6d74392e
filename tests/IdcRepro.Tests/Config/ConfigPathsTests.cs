using IdcRepro.Config;

namespace IdcRepro.Tests.Config;

public sealed class ConfigPathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "work", "repo");

    [Fact]
    public void The_file_settings_are_known_by_their_keys()
    {
        Assert.Equal(["data.path", "split.lists.test", "split.lists.train", "split.lists.validation"], ConfigPaths.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Paths_in_or_beside_the_repository_are_shown_relative_to_it_others_whole()
    {
        Assert.Equal("configs/lists/train.txt", ConfigPaths.Display(Path.Combine(Root, "configs", "lists", "train.txt"), Root));
        Assert.Equal("../shared/data/janowczyk-2016-split/val.txt", ConfigPaths.Display(Path.Combine(Root, "..", "shared", "data", "janowczyk-2016-split", "val.txt"), Root));
        var far = Path.Combine(Path.GetTempPath(), "elsewhere", "deep", "test.txt");
        Assert.Equal(far, ConfigPaths.Display(far, Root));
        Assert.Equal("../x.txt", ConfigPaths.Display("../x.txt", Root));
    }
}
