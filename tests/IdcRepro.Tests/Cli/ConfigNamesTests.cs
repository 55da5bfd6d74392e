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
        Assert.Equal(["config: sample -> configs/sample.yaml"],
            IdcProcess.Run(RepoPaths.Root, "config", "--config", "sample").ErrorLines);
        Assert.Equal(["config: uncapped -> configs/ablations/uncapped.yaml"],
            IdcProcess.Run(RepoPaths.Root, "config", "--config", "uncapped").ErrorLines);
    }

    [Fact]
    public void Variants_lists_what_names_and_folders_stand_for()
    {
        var run = IdcProcess.Run(RepoPaths.Root, "variants", "--config", "sample.yaml", "--config", "ablations");

        Assert.Equal(0, run.ExitCode);
        var expected = new[] { "configs/sample.yaml" }
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Configs, "ablations"), "*.yaml")
                .Order(StringComparer.Ordinal).Select(f => "configs/ablations/" + Path.GetFileName(f)));
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
    [Trait(Tier.Name, Tier.Long)]
    public Task The_users_command_through_build_sh_finds_configs_baseline_yaml() =>
        FetchBaselineThrough(Path.Combine(RepoPaths.Root, "build.sh"));

    [Fact]
    [Trait(Tier.Name, Tier.Long)]
    public Task The_same_command_through_build_ps1_in_powershell_finds_configs_baseline_yaml() =>
        // PowerShell 7 is the repository's dotnet tool (dotnet-tools.json; .ci/run restores it).
        FetchBaselineThrough("dotnet", "tool", "run", "pwsh", "-NoProfile", "-File", "./build.ps1");

    /// <summary>
    /// The user's own command with Fetch as the target, and the real sample as the data (no download from here),
    /// through a launcher script.
    /// </summary>
    private static async Task FetchBaselineThrough(string program, params string[] launcher)
    {
        using var temp = new TempFolder();
        var start = new System.Diagnostics.ProcessStartInfo(program)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] command = ["--target", "Fetch", "--config", "baseline.yaml", "--artifacts", temp.Path,
            "--set", "data.source=zip", "--set", $"data.path={RepoPaths.SampleZip}"];
        foreach (var argument in launcher.Concat(command)) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync() + await error;
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("config: baseline.yaml -> configs/baseline.yaml", output);
        Assert.Contains("Fetch: done", output);
        Assert.True(Directory.Exists(Path.Combine(temp.Path, "runs", "baseline", "fetch")));
    }
}
