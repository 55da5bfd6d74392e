using IdcRepro.Config;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// The loss on the two logits. bce: Keras' binary cross-entropy of two sigmoid outputs against one-hot labels, the mean
/// over both outputs (computed from logits for stability); cross_entropy: softmax cross-entropy. With class weights
/// each patch's loss is multiplied by its class's weight and the mean taken over patches, as Keras' class_weight does.
/// </summary>
internal sealed class TrainingLoss : IDisposable
{
    private readonly Tensor? _classWeights;

    public TrainingLoss(LossKind kind, IReadOnlyList<double>? classWeights, Device device)
    {
        Kind = kind;
        if (classWeights is not null)
            _classWeights = tensor(classWeights.Select(w => (float)w).ToArray(), device: device);
    }

    public LossKind Kind { get; }

    /// <summary>Weights N / (2 x count) per class, so that both classes weigh the same in total.</summary>
    public static double[] ClassWeights(int[] classCounts)
    {
        var total = classCounts.Sum();
        if (classCounts.Any(c => c == 0))
            throw new ArgumentException("train.class_weighted needs patches of both classes in the training set.",
                nameof(classCounts));
        return [.. classCounts.Select(c => total / (2.0 * c))];
    }

    /// <summary>
    /// The mean loss of a batch; <paramref name="weighted"/> applies the class weights (training), if any.
    /// </summary>
    public Tensor Compute(Tensor logits, Tensor labels, bool weighted)
    {
        var weights = weighted && _classWeights is not null ? _classWeights.index_select(0, labels) : null;
        if (Kind == LossKind.Bce)
        {
            var targets = nn.functional.one_hot(labels, 2).to_type(logits.dtype);
            return nn.functional.binary_cross_entropy_with_logits(logits, targets,
                weights?.unsqueeze(1).expand_as(logits));
        }
        if (weights is null) return nn.functional.cross_entropy(logits, labels);
        return (nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.None) * weights).mean();
    }

    /// <summary>
    /// The model's probabilities per class: sigmoid of each logit (bce) or softmax over both (cross_entropy).
    /// </summary>
    public static Tensor Probabilities(LossKind kind, Tensor logits) => kind == LossKind.Bce ? logits.sigmoid()
        : logits.softmax(1);

    public void Dispose() => _classWeights?.Dispose();
}
