using IdcRepro.Evaluation;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;

namespace IdcRepro.Tests.Cli;

/// <summary>`idc predict` as a user runs it, with a model trained for one epoch on the tiny synthetic data.</summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class PredictCommandTests : IClassFixture<PredictCommandTests.TinyModel>, IDisposable
{
    /// <summary>A model trained once for the class: the tiny synthetic config, one epoch on two threads.</summary>
    public sealed class TinyModel : IDisposable
    {
        public TempFolder Folder { get; } = new();

        public TinyModel()
        {
            var run = new TestRun(TestRuns.TinySyntheticConfig(Folder), Folder.PathOf("artifacts"),
                "train.epochs=1", "train.threads=2");
            run.Through(Graph.Train);
            Model = run.Folder(Graph.Train);
        }

        public string Model { get; }

        public void Dispose() => Folder.Dispose();
    }

    private readonly TinyModel _model;
    private readonly TempFolder _temp = new();

    public PredictCommandTests(TinyModel model) => _model = model;

    public void Dispose() => _temp.Dispose();

    private IdcOutcome Predict(string input, string output) => IdcProcess.Run(_temp.Path,
        "predict", "--config", _model.Folder.PathOf("tiny.yaml"), "--set", "train.threads=2",
        "--set", "evaluate.bootstrap_resamples=20", "--model", _model.Model, "--input", input, "--output", output);

    /// <summary>A folder of solid-colour PNG patches under the given names.</summary>
    private string Patches(string folder, params string[] names)
    {
        foreach (var name in names) File.WriteAllBytes(_temp.File(Path.Combine(folder, name)), TinyDataset.Png());
        return _temp.PathOf(folder);
    }

    private static readonly string[] Labelled = [.. TinyDataset.Names("901")];

    [Fact]
    public void Reusing_an_output_folder_leaves_no_stale_metrics_beside_new_predictions()
    {
        var output = _temp.PathOf("out");
        Assert.Equal(0, Predict(Patches("labelled", Labelled), output).ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "metrics.json")));

        var run = Predict(Patches("unlabelled", "a.png", "b.png"), output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["predictions.csv"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Equal(["a.png", "b.png"],
            PredictionsCsv.Read(Path.Combine(output, "predictions.csv")).Select(r => r.Path));
        Assert.Equal(["out"], Directory.GetDirectories(_temp.Path, "*out*").Select(Path.GetFileName));
    }

    [Fact]
    public void In_a_folder_that_holds_other_files_only_its_own_outputs_are_replaced()
    {
        var output = _temp.PathOf("results");
        Assert.Equal(0, Predict(Patches("labelled", Labelled), output).ExitCode);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        Assert.Equal(0, Predict(Patches("unlabelled", "a.png"), output).ExitCode);

        Assert.Equal(["notes.txt", "predictions.csv"],
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
    }

    [Fact]
    public void Mixed_input_says_why_there_are_no_metrics_naming_the_unlabelled_files()
    {
        var input = Patches("mixed", [.. Labelled, "extra/a.png", "extra/b.png", "extra/c.png", "extra/d.png"]);

        var run = Predict(input, _temp.PathOf("out"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.False(File.Exists(_temp.PathOf("out/metrics.json")));
        Assert.Equal(8, PredictionsCsv.Read(_temp.PathOf("out/predictions.csv")).Count);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal("predict: no metrics.json: 4 of 8 scored files carry no class in their name (extra/a.png, " +
            "extra/b.png, extra/c.png, ...); metrics need every name to be like " +
            "<patient>_idx5_x<X>_y<Y>_class<C>.png. Score the labelled files on their own to get them.", line);
    }

    [Fact]
    public void A_threshold_chosen_on_validation_patients_is_not_guessed_for_a_bare_model_folder()
    {
        var run = IdcProcess.Run(_temp.Path, "predict", "--config", _model.Folder.PathOf("tiny.yaml"),
            "--set", "split.validation_fraction=0.2", "--set", "evaluate.threshold=validation_balanced",
            "--model", _model.Model, "--input", Patches("labelled", Labelled), "--output", _temp.PathOf("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a --model folder does not carry it", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(_temp.PathOf("out")));
    }

    [Fact]
    public void An_empty_input_is_an_error()
    {
        Directory.CreateDirectory(_temp.PathOf("empty"));
        var run = Predict(_temp.PathOf("empty"), _temp.PathOf("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: predict: --input {_temp.PathOf("empty")} holds no .png files, so there is nothing to " +
            "score. Give a folder or zip of PNG patches with --input.",
            Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(_temp.PathOf("out")));
    }

    [Fact]
    public void Input_problems_name_the_input_option()
    {
        var zip = TinyDataset.WriteZip(_temp.PathOf("whole.zip"), Labelled);
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(_temp.PathOf("cut.zip"), bytes[..(bytes.Length / 2)]);

        var cut = Assert.Single(Predict(_temp.PathOf("cut.zip"), _temp.PathOf("out")).ErrorLines);
        var missing = Assert.Single(Predict(_temp.PathOf("nowhere"), _temp.PathOf("out")).ErrorLines);

        Assert.Contains("check --input", cut);
        Assert.DoesNotContain("data.path", cut);
        Assert.Contains("--input", missing);
        Assert.DoesNotContain("data.path", missing);
    }

    [Fact]
    public void A_zip_of_labelled_patches_gets_metrics()
    {
        var zip = TinyDataset.WriteZip(_temp.PathOf("p.zip"), Labelled);

        var run = Predict(zip, _temp.PathOf("out"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.ErrorLines);
        Assert.Equal(4, EvaluationResult.Read(_temp.PathOf("out/metrics.json")).TestPatches);
    }
}
