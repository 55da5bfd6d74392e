using IdcRepro.Config;
using IdcRepro.Export;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Training;

namespace IdcRepro.Tests.Export;

/// <summary>
/// What the export writes beside the weights, without training: the architecture, the normalisation, the refusals.
/// </summary>
public sealed class PyTorchExportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_blogs_model_is_described_in_the_terms_PyTorch_layers_take()
    {
        var architecture = PyTorchArchitecture.From(new ModelDescription(new ModelConfig(), 50, LossKind.Bce));

        Assert.Equal([32, 64, 128, 256], architecture.ConvWidths);
        Assert.Equal((3, 3, 2, 2),
            (architecture.Channels, architecture.KernelSize, architecture.PooledConvs, architecture.PoolSize));
        Assert.Equal(12_544, architecture.FlattenSize); // 7 x 7 x 256
        Assert.Equal([128, 128], architecture.DenseWidths);
        Assert.Equal((0.5, 2), (architecture.Dropout, architecture.Outputs));
        Assert.Equal(OutputHead.Sigmoid, architecture.Head); // the blog's Dense(2, sigmoid)
        Assert.Contains("\"head\": \"sigmoid\"", architecture.ToJson());
        Assert.Contains("\"flatten_size\": 12544", architecture.ToJson());
    }

    [Fact]
    public void Cross_entropy_is_a_softmax_head_and_batch_norm_keeps_its_keras_epsilon()
    {
        var model = new ModelConfig
        {
            ConvWidths = [8, 16], PooledConvs = 1, DenseWidths = [10], Dropout = 0, BatchNorm = true
        };
        var architecture = PyTorchArchitecture.From(new ModelDescription(model, 20, LossKind.CrossEntropy));

        Assert.Equal(OutputHead.Softmax, architecture.Head);
        Assert.Equal(LossKind.CrossEntropy, architecture.Loss);
        Assert.Equal((true, 1e-3, 0.01),
            (architecture.BatchNorm, architecture.BatchNormEps, architecture.BatchNormMomentum));
        Assert.Equal(7 * 7 * 16, architecture.FlattenSize); // 20 -> 18 -> 9 -> 7
    }

    [Fact]
    public void Normalization_holds_the_float32_scale_and_shift_that_scoring_applies_exactly()
    {
        var normalizer = new Normalizer(Normalization.Featurewise, [0.7, 0.6, 0.75], [0.19, 0.2, 0.11]);

        var exported = PyTorchNormalization.From(normalizer);

        Assert.Equal(normalizer.Scale(), exported.Scale.Select(s => (float)s));
        Assert.Equal(normalizer.Shift(), exported.Shift.Select(s => (float)s));
        // exactly a float32, so PyTorch gets the same bits
        Assert.All(exported.Scale, s => Assert.Equal(s, (double)(float)s));
        Assert.Equal(normalizer.Mean, exported.Mean);
        Assert.Equal(Normalizer.StdEpsilon, exported.StdEpsilon);
        Assert.Contains("\"kind\": \"featurewise\"", exported.ToJson());
        Assert.Equal([0.0, 0.0, 0.0], PyTorchNormalization.From(Normalizer.Rescale).Shift);
    }

    [Fact]
    public void A_folder_holding_something_else_is_never_replaced()
    {
        var folder = _temp.PathOf("mine");
        File.WriteAllText(_temp.File("mine/notes.txt"), "keep me");
        var source = new ExportSource("tiny", _temp.PathOf("no-train"), "key", "hash", "code", 1, "name: tiny\n");

        var e = Assert.Throws<StageException>(() => PyTorchExport.Write(source, folder));

        Assert.Contains("not an earlier export", e.Message);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public void A_missing_training_is_a_clear_error_and_leaves_no_folder()
    {
        var source = new ExportSource("tiny", _temp.PathOf("no-train"), "key", "hash", "code", 1, "name: tiny\n");

        var e = Assert.Throws<TrainingCheckpointException>(() => PyTorchExport.Write(source, _temp.PathOf("out")));

        Assert.Contains("model.json is missing", e.Message);
        Assert.False(Directory.Exists(_temp.PathOf("out")));
    }

    [Fact]
    public void The_python_module_is_embedded_and_loads_weights_strictly()
    {
        var module = PyTorchExport.ModuleSource();

        Assert.Contains("def load(folder):", module);
        Assert.Contains("strict=True", module);
        Assert.Contains("weights_only=True", module);
    }
}
