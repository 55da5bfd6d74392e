using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IdcRepro.Export;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;
using Xunit.Abstractions;

namespace IdcRepro.Tests.Export;

/// <summary>
/// The honesty test of the PyTorch export: Debian's python3 (python3-torch, python3-numpy) loads the exported weights
/// with the export's own idc_model.py, scores the Evaluate stage's test patches from the Preprocess cache (images.npy
/// rows listed by the undersample folder's test.npy, in that order) and must reproduce predictions.csv's p0 and p1 to
/// 1e-5; a PyTorch side that differs on purpose must not. The README's snippets and the idc command run here too.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
[Trait(Tier.Name, Tier.Long)]
public sealed partial class PyTorchParityTests(ExportedRuns runs,
    ITestOutputHelper output) : IClassFixture<ExportedRuns>
{
    private const double Tolerance = 1e-5;

    private static readonly JsonSerializerOptions SnakeCase =
        new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record ParityCheck(int Rows, double MaxAbsDiffP0, double MaxAbsDiffP1, string Torch)
    {
        public double Largest => Math.Max(MaxAbsDiffP0, MaxAbsDiffP1);
    }

    private ParityCheck Check(ExportedRun run, string sabotage)
    {
        var clock = Stopwatch.StartNew();
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Export", "check_parity.py"));
        var line = PyTorchPython.Run(script, run.ExportFolder, run.Images, run.TestRows, run.Predictions,
            sabotage).Trim();
        var check = JsonSerializer.Deserialize<ParityCheck>(line, SnakeCase)!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Name}, sabotage {sabotage}: {check.Rows} test patches, " +
            $"max |p0 - p0'| = {check.MaxAbsDiffP0:E2}, max |p1 - p1'| = {check.MaxAbsDiffP1:E2} " +
            $"(PyTorch {check.Torch} from {PyTorchPython.Interpreter}, {clock.Elapsed.TotalSeconds:0.0} s; " +
            $"training {run.Training.TotalSeconds:0.0} s, export {run.Export.TotalSeconds:0.0} s)"));
        return check;
    }

    [Theory]
    [InlineData("blog")]
    [InlineData("softmax")]
    public void PyTorch_scores_the_test_patches_as_Evaluate_did(string variant)
    {
        var run = runs.Get(variant);
        var check = Check(run, "none");

        Assert.Equal(File.ReadLines(run.Predictions).Count() - 1, check.Rows);
        Assert.True(check.Rows >= 20, $"only {check.Rows} test patches: too few to show anything");
        Assert.True(check.Largest <= Tolerance,
            $"PyTorch differs from predictions.csv by up to {check.Largest:E2} " +
            $"(p0 {check.MaxAbsDiffP0:E2}, p1 {check.MaxAbsDiffP1:E2}), more than {Tolerance:E0}");
    }

    [Theory]
    [InlineData("transpose-conv")]
    [InlineData("skip-normalization")]
    public void A_PyTorch_side_that_differs_is_reported_as_a_mismatch(string sabotage)
    {
        var check = Check(runs.Get("blog"), sabotage);
        Assert.True(check.Largest > Tolerance, $"with {sabotage} PyTorch still agrees with predictions.csv to " +
            $"{check.Largest:E2}: the comparison cannot fail");
    }

    [Fact]
    public void The_README_snippets_reproduce_predictions_csv()
    {
        var snippets = ReadmeSnippets();
        Assert.Equal(2, snippets.Count); // idc_model.py, and the same inline without it
        foreach (var variant in new[] { "blog", "softmax" })
        {
            var run = runs.Get(variant);
            foreach (var snippet in snippets)
            {
                // The README's paths are the demo's; here they are this run's. The snippet leaves p1 behind.
                var code = snippet.Replace("artifacts/runs/demo/", run.RunFolder + "/", StringComparison.Ordinal) + """

                    import csv as _csv
                    import numpy as _np
                    with open(_sys_argv_predictions, newline="") as _f:
                        _expected = _np.array([float(_r["p1"]) for _r in _csv.DictReader(_f)])
                    print(float(_np.abs(_np.asarray(p1, dtype=_np.float64) - _expected).max()))
                    """;
                code = "import sys as _sys\n_sys_argv_predictions = _sys.argv[1]\n" + code;
                var difference = double.Parse(PyTorchPython.Run(code, run.Predictions).Trim().Split('\n')[^1],
                    CultureInfo.InvariantCulture);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{variant}, README snippet {snippets.IndexOf(snippet) + 1}: max |p1 - p1'| = {difference:E2}"));
                Assert.True(difference <= Tolerance, $"README snippet {snippets.IndexOf(snippet) + 1} differs from " +
                    $"predictions.csv by {difference:E2} on {variant}");
            }
        }
    }

    [Fact]
    public void Idc_export_writes_the_folder_and_says_in_one_line_what_is_wrong()
    {
        var run = runs.Get("blog");
        var config = runs.ConfigPath("blog");
        string[] common = ["--config", config, .. ExportedRuns.Sets.SelectMany(s => new[] { "--set", s }),
            "--artifacts", runs.Artifacts];
        var folder = Path.Combine(runs.Artifacts, "elsewhere", "pytorch");

        var written = Idc(["export", "--format", "pytorch", .. common, "-o", folder]);
        Assert.True(written.Exit == 0, written.Error);
        Assert.Contains("best epoch", written.Output);
        var manifest = JsonSerializer.Deserialize<ExportManifest>(
            File.ReadAllText(Path.Combine(folder, ExportManifest.FileName)), IdcRepro.Pipeline.Stamp.Json)!;
        Assert.Equal(run.Manifest.TrainKey, manifest.TrainKey);
        // the same weights, byte for byte
        Assert.Equal(run.Manifest.Files[PyTorchExport.WeightsFile].Sha256,
            manifest.Files[PyTorchExport.WeightsFile].Sha256);
        Assert.Equal(["config.yaml", "export.json", "idc_model.py", "model.json", "model.pt", "normalization.json"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // no temporary folder left beside it
        Assert.Equal(["pytorch"],
            Directory.GetFileSystemEntries(Path.GetDirectoryName(folder)!).Select(Path.GetFileName));

        var foreign = Path.Combine(runs.Artifacts, "notes");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "mine.txt"), "keep me");
        AssertOneErrorLine(Idc(["export", "--format", "pytorch", .. common, "-o", foreign]),
            "holds files that are not an earlier export");
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(foreign, "mine.txt")));
        AssertOneErrorLine(Idc(["export", .. common]), "export needs --format pytorch");
        AssertOneErrorLine(Idc(["export", "--format", "onnx", .. common]), "unknown --format 'onnx'");
        AssertOneErrorLine(Idc(["export", "--format", "pytorch", .. common, "--set", "train.learning_rate=0.5"]),
            "Train has not run for blog");
    }

    private static void AssertOneErrorLine((int Exit, string Output, string Error) result, string expected)
    {
        Assert.Equal(1, result.Exit);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one error line, got:\n{result.Error}");
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }

    private static (int Exit, string Output, string Error) Idc(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "idc.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>The ```python blocks of README's "Weights for PyTorch" section, in order.</summary>
    private static List<string> ReadmeSnippets()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("\n## Weights for PyTorch\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no section '## Weights for PyTorch'");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return [.. PythonBlock().Matches(section).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"```python\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}
