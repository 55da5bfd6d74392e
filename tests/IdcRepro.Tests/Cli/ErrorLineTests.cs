using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Cli;

/// <summary>
/// Whatever goes wrong, idc says so in one line on stderr (where, what, what to do) and exits 1: never a stack trace.
/// </summary>
public sealed class ErrorLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Runs idc in the temp folder and returns its one error line, checking the exit code and that nothing else was
    /// said.
    /// </summary>
    private string OneErrorLine(params string[] args)
    {
        var run = IdcProcess.Run(_temp.Path, args);
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; stderr:\n{run.Error}");
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain("   at ", run.Error);
        return line;
    }

    private string Config(string yaml) => _temp.File("c.yaml", yaml);

    [Theory]
    [InlineData("name: t\ntrain:\n  epochs: [3\nseed: 1\n",
        "c.yaml:3:11: the list opened with '[' is not closed before line 4")]
    [InlineData("name: t\ndata:\n  source: synthetic\nseeds: [1, 2\n",
        "c.yaml:4:8: the list opened with '[' is not closed before the file ends")]
    [InlineData("name: t\nseeds: [1, 2\ntrain:\n  epochs: 3\n",
        "c.yaml:2:8: the list opened with '[' is not closed before line 3")]
    [InlineData("name: t\nsplit:\n  lists: {train: a.txt\nseed: 1\n",
        "c.yaml:3:10: the mapping opened with '{' is not closed before line 4")]
    [InlineData("name: t\ntrain:\n\tepochs: 3\n", "c.yaml:3:1: a tab in the indentation")]
    [InlineData("name: t\ntrain:\n  epochs: *foo\n", "c.yaml:3:11: '*foo' refers to the anchor '&foo'")]
    public void Yaml_that_does_not_parse_is_one_line_with_its_position(string yaml, string expected)
    {
        Config(yaml);
        Assert.StartsWith($"error: {expected}", OneErrorLine("config", "--config", "c.yaml"));
    }

    [Fact]
    public void A_set_through_a_value_names_the_command_line()
    {
        Config("name: t\ndata:\n  source: synthetic\ntrain:\n  epochs: 5\n");
        Assert.Equal("error: --set train.epochs.x=3: 'train.epochs' is a number, not a section; set it directly, " +
            "e.g. --set train.epochs=3.",
            OneErrorLine("config", "--config", "c.yaml", "--set", "train.epochs.x=3"));
    }

    [Fact]
    public void A_failed_download_names_the_offline_alternative()
    {
        Config("name: u\ndata:\n  source: url\n  url: http://127.0.0.1:9/IDC_regular_ps50_idx5.zip\n" +
            "  download:\n    retries: 0\n");

        var line = OneErrorLine("fetch", "--config", "c.yaml", "--artifacts", "artifacts");

        Assert.Contains("http://127.0.0.1:9/IDC_regular_ps50_idx5.zip", line);
        Assert.EndsWith("--set data.source=zip --set data.path=<local copy of IDC_regular_ps50_idx5.zip>.", line);
    }
}
