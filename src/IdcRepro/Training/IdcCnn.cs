using IdcRepro.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// The blog's CNN, sized by <see cref="ModelConfig"/>: per width a 3x3 valid convolution (+ batch norm) + ReLU, the
/// first <see cref="ModelConfig.PooledConvs"/> followed by a 2x2 max-pool; flatten; per dense width dropout + linear +
/// ReLU; a linear layer to two logits (class 0 non-IDC, class 1 IDC). Weights start as Keras' do: Glorot-uniform, zero
/// biases.
/// Call <see cref="Torch.TorchRuntime.EnsureLoaded"/> and seed torch before constructing one.
/// </summary>
public sealed class IdcCnn : nn.Module<Tensor, Tensor>
{
    /// <summary>Keras' BatchNormalization defaults (momentum 0.99 is torch's 0.01).</summary>
    public const double BatchNormEpsilon = 1e-3, BatchNormMomentum = 0.01;

    // Named without the usual '_': RegisterComponents names each submodule after its field, and these names are the
    // state_dict's keys ("features.0.weight"), which checkpoints, the PyTorch export and idc_model.py rely on.
#pragma warning disable IDE1006
    private readonly Sequential features;
    private readonly Sequential classifier;
#pragma warning restore IDE1006

    public IdcCnn(ModelConfig config, int inputSize) : base(nameof(IdcCnn))
    {
        FlattenSize = FlattenSizeFor(config, inputSize);
        features = nn.Sequential(FeatureLayers(config));
        classifier = nn.Sequential(ClassifierLayers(config, FlattenSize));
        RegisterComponents();
        InitialiseLikeKeras();
    }

    /// <summary>
    /// A model of <paramref name="description"/> with the weights saved at <paramref name="weightsPath"/> (TorchSharp's
    /// format).
    /// </summary>
    /// <exception cref="TrainingCheckpointException">The file is missing or does not fit the description.</exception>
    public static IdcCnn Load(ModelDescription description, string weightsPath)
    {
        if (!File.Exists(weightsPath))
            throw new TrainingCheckpointException(weightsPath, $"{weightsPath} is missing: train the model first.");
        var model = new IdcCnn(description.Model, description.InputSize);
        try
        {
            model.load(weightsPath);
            return model;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            model.Dispose();
            throw new TrainingCheckpointException(weightsPath,
                $"{weightsPath} could not be loaded as a {description.InputSize}x{description.InputSize} model of " +
                $"model.json ({e.Message}). Retrain the model.", e);
        }
    }

    /// <summary>
    /// Inputs to the first dense layer: 12,544 (7 x 7 x 256) for the blog's model on 50 x 50 patches.
    /// </summary>
    public long FlattenSize { get; }

    /// <summary>
    /// The flatten size by arithmetic: each valid 3x3 convolution takes 2 off the side, each pool halves it (floor).
    /// </summary>
    /// <exception cref="ArgumentException">The patch is too small for the layers.</exception>
    public static long FlattenSizeFor(ModelConfig config, int inputSize)
    {
        if (config.ConvWidths.Count == 0)
            throw new ArgumentException("model.conv_widths needs at least one convolution.", nameof(config));
        if (config.PooledConvs > config.ConvWidths.Count)
            throw new ArgumentException(
                $"model.pooled_convs is {config.PooledConvs} but there are only {config.ConvWidths.Count} " +
                "convolutions.", nameof(config));
        var side = inputSize;
        for (var i = 0; i < config.ConvWidths.Count; i++)
        {
            side -= 2;
            if (i < config.PooledConvs) side /= 2;
            if (side < 1)
                throw new ArgumentException(
                    $"{inputSize}x{inputSize} patches are too small for {config.ConvWidths.Count} convolutions " +
                    $"with {config.PooledConvs} pooled.", nameof(inputSize));
        }
        return (long)side * side * config.ConvWidths[^1];
    }

    public override Tensor forward(Tensor input) => classifier.forward(features.forward(input).flatten(1));

    private static IEnumerable<nn.Module<Tensor, Tensor>> FeatureLayers(ModelConfig config)
    {
        var channels = (long)PatchImages.Channels;
        for (var i = 0; i < config.ConvWidths.Count; i++)
        {
            var width = config.ConvWidths[i];
            yield return nn.Conv2d(channels, width, kernel_size: 3);
            if (config.BatchNorm)
                yield return nn.BatchNorm2d(width, eps: BatchNormEpsilon, momentum: BatchNormMomentum);
            yield return nn.ReLU();
            if (i < config.PooledConvs) yield return nn.MaxPool2d(kernel_size: 2);
            channels = width;
        }
    }

    private static IEnumerable<nn.Module<Tensor, Tensor>> ClassifierLayers(ModelConfig config, long flattenSize)
    {
        var inputs = flattenSize;
        foreach (var width in config.DenseWidths)
        {
            if (config.Dropout > 0) yield return nn.Dropout(config.Dropout);
            yield return nn.Linear(inputs, width);
            yield return nn.ReLU();
            inputs = width;
        }
        yield return nn.Linear(inputs, 2);
    }

    private void InitialiseLikeKeras()
    {
        using var noGrad = torch.no_grad();
        foreach (var module in modules())
        {
            if (module is Conv2d conv)
            {
                nn.init.xavier_uniform_(conv.weight);
                if (conv.bias is { } bias) nn.init.zeros_(bias);
            }
            else if (module is Linear linear)
            {
                nn.init.xavier_uniform_(linear.weight);
                if (linear.bias is { } bias) nn.init.zeros_(bias);
            }
        }
    }
}
