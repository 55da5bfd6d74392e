using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Cli;

/// <summary>
/// `./build.sh --target Report --config baseline.yaml`: Cake passes the name to idc, which finds configs/baseline.yaml
/// and says so in one line.
/// </summary>
public sealed class ConfigNamesTests
{
    [Fact]
    public void Idc_finds_a_bare_name_in_configs_and_says_which_file_it_took()
    {
        var run = IdcProcess.Run(RepoPaths.Root, "config", "--config", "baseline.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["config: baseline.yaml -> configs/baseline.yaml"], run.ErrorLines);
        Assert.Contains("name: baseline", run.Output);
    }

    [Fact]
    public void Idc_takes_a_name_without_yaml_and_an_ablation_by_name()
    {
        Assert.Equal(["config: sample -> configs/sample.yaml"], IdcProcess.Run(RepoPaths.Root, "config", "--config", "sample").ErrorLines);
        Assert.Equal(["config: uncapped -> configs/ablations/uncapped.yaml"], IdcProcess.Run(RepoPaths.Root, "config", "--config", "uncapped").ErrorLines);
    }

    [Fact]
    public void Variants_lists_what_names_and_folders_stand_for()
    {
        var run = IdcProcess.Run(RepoPaths.Root, "variants", "--config", "sample.yaml", "--config", "ablations");

        Assert.Equal(0, run.ExitCode);
        var expected = new[] { "configs/sample.yaml" }
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Configs, "ablations"), "*.yaml").Order(StringComparer.Ordinal).Select(f => "configs/ablations/" + Path.GetFileName(f)));
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_missing_config_is_one_error_line()
    {
        var run = IdcProcess.Run(RepoPaths.Root, "config", "--config", "no-such-config.yaml");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: no-such-config.yaml: config file not found", line);
    }

    [Fact]
    public void The_cake_script_passes_config_names_through_to_idc()
    {
        var cake = File.ReadAllText(Path.Combine(RepoPaths.Root, "build", "build.cake"));

        // Stage tasks hand --config to idc untouched; Compare asks `idc variants` what its names and folders stand for.
        Assert.Contains(".Append(\"--config\").AppendQuoted(config ?? configFile)", cake);
        Assert.Contains(".Append(\"variants\")", cake);
        Assert.DoesNotContain("Directory.Exists", cake);
        Assert.DoesNotContain("File.Exists", cake);
        Assert.DoesNotContain("\"configs/ablations", cake);
    }
}
