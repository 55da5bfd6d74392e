using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Cli;

/// <summary>Whatever goes wrong, idc says so in one line on stderr (where, what, what to do) and exits 1: never a stack trace.</summary>
public sealed class ErrorLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs idc in the temp folder and returns its one error line, checking the exit code and that nothing else was said.</summary>
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

    [Fact]
    public void A_failed_download_names_the_offline_alternative()
    {
        Config("name: u\ndata:\n  source: url\n  url: http://127.0.0.1:9/IDC_regular_ps50_idx5.zip\n  download:\n    retries: 0\n");

        var line = OneErrorLine("fetch", "--config", "c.yaml", "--artifacts", "artifacts");

        Assert.Contains("http://127.0.0.1:9/IDC_regular_ps50_idx5.zip", line);
        Assert.EndsWith("--set data.source=zip --set data.path=<local copy of IDC_regular_ps50_idx5.zip>.", line);
    }
}
