using IdcRepro.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// A trained model ready to score patches: <see cref="IdcCnn"/> rebuilt from model.json, the weights of best.pt and the
/// normalisation of normalization.json. Scores in the validation pass's batches and order, so its probabilities are the
/// ones validation computed from the same weights.
/// </summary>
public sealed class Predictor : IDisposable
{
    private readonly IdcCnn _model;
    private readonly Augmenter _augmenter;

    private Predictor(ModelDescription description, IdcCnn model, Augmenter augmenter, Device device)
    {
        Description = description;
        _model = model;
        _augmenter = augmenter;
        Device = device;
    }

    public ModelDescription Description { get; }
    public Device Device { get; }

    /// <summary>Loads the best model of a training work folder.</summary>
    /// <exception cref="TrainingCheckpointException">A file is missing or unreadable.</exception>
    public static Predictor Load(string workFolder, ComputeSettings? compute = null)
    {
        var files = new TrainingFiles(Path.GetFullPath(workFolder));
        return Load(ModelDescription.Load(files.ModelDescription), files.Best, Normalizer.Load(files.Normalization),
            compute);
    }

    /// <summary>Loads weights saved from an <see cref="IdcCnn"/> of <paramref name="description"/>.</summary>
    public static Predictor Load(ModelDescription description, string weightsPath, Normalizer normalizer,
        ComputeSettings? compute = null)
    {
        var target = TrainingDevice.Select(compute ?? new ComputeSettings());
        var model = IdcCnn.Load(description, weightsPath);
        model.to(target).eval();
        return new Predictor(description, model, new Augmenter(new AugmentConfig(), normalizer, target), target);
    }

    /// <summary>
    /// The probabilities of each patch, in order. With <paramref name="testTimeAugmentation"/> (<c>evaluate.tta</c>)
    /// each is the mean over the patch's 8 <see cref="DihedralViews"/> (8 forward passes); off, exactly the validation
    /// pass's figures.
    /// </summary>
    public IReadOnlyList<PatchProbability> Score(PatchImages images, bool testTimeAugmentation = false)
    {
        if (images.Height != Description.InputSize || images.Width != Description.InputSize)
            throw new ArgumentException(
                $"The model takes {Description.InputSize}x{Description.InputSize} patches, " +
                $"not {images.Height}x{images.Width}.", nameof(images));
        using var patches = DevicePatches.Upload(images, Device);
        var flat = Evaluator.Probabilities(_model, _augmenter, Description.Loss, patches, testTimeAugmentation);
        var result = new PatchProbability[images.Count];
        for (var i = 0; i < result.Length; i++) result[i] = new PatchProbability(flat[2 * i], flat[2 * i + 1]);
        return result;
    }

    public void Dispose()
    {
        _augmenter.Dispose();
        _model.Dispose();
    }
}
