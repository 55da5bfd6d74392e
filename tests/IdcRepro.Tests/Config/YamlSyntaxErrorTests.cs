using IdcRepro.Config;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Config;

/// <summary>YAML that does not parse: one line with the real line and column of the mistake, and what to do.</summary>
public sealed class YamlSyntaxErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string LoadFails(string yaml)
    {
        var path = _temp.File("bad.yaml", yaml);
        var message = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path)).Message;
        Assert.DoesNotContain('\n', message);
        return message[(message.IndexOf("bad.yaml:", StringComparison.Ordinal))..];
    }

    [Fact]
    public void A_list_left_open_before_the_next_key_points_at_its_bracket()
    {
        Assert.Equal(
            "bad.yaml:3:11: the list opened with '[' is not closed before line 4 ('seed: 1') starts. " +
            "Close it with ']' on this line, e.g. 'epochs: [3]'.",
            LoadFails("name: t\ntrain:\n  epochs: [3\nseed: 1\n"));
    }

    [Fact]
    public void A_list_left_open_at_the_end_of_the_file_points_at_its_bracket()
    {
        Assert.Equal(
            "bad.yaml:4:8: the list opened with '[' is not closed before the file ends. " +
            "Close it with ']' on this line, e.g. 'seeds: [1, 2]'.",
            LoadFails("name: t\ndata:\n  source: synthetic\nseeds: [1, 2\n"));
        Assert.StartsWith("bad.yaml:4:8: the list opened with '[' is not closed before the file ends.",
            LoadFails("name: t\ndata:\n  source: synthetic\nseeds: [1, 2"));
    }

    [Fact]
    public void A_list_left_open_before_a_section_names_that_line()
    {
        Assert.StartsWith("bad.yaml:2:8: the list opened with '[' is not closed before line 3 ('train:') starts.",
            LoadFails("name: t\nseeds: [1, 2\ntrain:\n  epochs: 3\n"));
    }

    [Fact]
    public void A_mapping_left_open_points_at_its_brace()
    {
        Assert.Equal(
            "bad.yaml:3:10: the mapping opened with '{' is not closed before line 4 ('seed: 1') starts. " +
            "Close it with '}' on this line, e.g. 'lists: {train: a.txt}'.",
            LoadFails("name: t\nsplit:\n  lists: {train: a.txt\nseed: 1\n"));
    }

    [Fact]
    public void A_list_over_several_lines_is_still_fine()
    {
        var path = _temp.File("ok.yaml", "name: t\ndata:\n  source: synthetic\nseeds: [1,\n  2]\n");
        Assert.Equal([1, 2], ConfigLoader.Load(path).Seeds);
    }

    [Fact]
    public void A_tab_in_the_indentation_is_pointed_at()
    {
        Assert.Equal(
            "bad.yaml:4:1: a tab in the indentation; YAML indents with spaces only. Replace the tab with spaces.",
            LoadFails("name: t\ndata:\n  source: synthetic\n\tpath: x\n"));
        Assert.StartsWith("bad.yaml:3:1: a tab in the indentation", LoadFails("name: t\ntrain:\n\tepochs: 3\n"));
    }

    [Fact]
    public void An_alias_to_an_undefined_anchor_is_pointed_at()
    {
        Assert.Equal(
            "bad.yaml:3:11: '*foo' refers to the anchor '&foo', which is not defined above it. " +
            "Define it before this line (key: &foo value) or write the value out.",
            LoadFails("name: t\ntrain:\n  epochs: *foo\n"));
    }

    [Fact]
    public void Other_syntax_errors_keep_the_parser_position()
    {
        Assert.StartsWith("bad.yaml:3:", LoadFails("name: t\ndata:\n  source: 'synthetic\n"));
    }
}
