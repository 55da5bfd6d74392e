using IdcRepro.Pipeline;
using IdcRepro.Stages;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Stages;

/// <summary>The run folder's convenience files (config.yaml, stage links, last-report.txt) never fail a stage.</summary>
public sealed class RunContextTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_up_to_date_stage_goes_on_with_one_warning_when_the_run_folder_cannot_be_written()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var artifacts = _temp.PathOf("artifacts");
        FetchStage.Run(TestRuns.Context(config, artifacts));

        var output = new StringWriter();
        var ctx = TestRuns.Context(config, artifacts, output);
        var result = FetchStage.Run(ctx);
        using (WriteFaults.DiskFullUnder(Path.Combine(artifacts, "runs")))
        {
            ctx.Record(result);
            ctx.Record(result);
        }

        Assert.False(result.Ran);
        var warning = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"warning: could not update {ConfigPathShown(ctx.Layout.RunDirectory("tiny"))} (no space left on the disk); the stage outputs are complete and unaffected. Free some space to bring it up to date.", warning);
    }

    [Fact]
    public void The_run_folder_records_the_config_and_links_the_stage()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var ctx = TestRuns.Context(config, _temp.PathOf("artifacts"));
        ctx.Record(FetchStage.Run(ctx));
        var run = ctx.Layout.RunDirectory("tiny");
        Assert.Contains("name: tiny", File.ReadAllText(Path.Combine(run, "config.yaml")));
        Assert.True(File.Exists(Path.Combine(run, "fetch", "dataset.json")));
    }

    private static string ConfigPathShown(string path) => IdcRepro.Config.ConfigOrigin.DisplayPath(path);
}
