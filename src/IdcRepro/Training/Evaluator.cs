using IdcRepro.Config;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// Runs a model over a set in order, in large batches, in eval mode (dropout off, batch norm on its running statistics)
/// without gradients: validation's metrics and the predictor's probabilities come from this one pass.
/// </summary>
internal static class Evaluator
{
    public const int BatchSize = 1024;

    public static MetricValues Evaluate(IdcCnn model, Augmenter augmenter, TrainingLoss loss, DevicePatches patches,
        CancellationToken ct = default)
    {
        using var totals = new MetricTotals(loss.Kind);
        ForEachBatch(model, augmenter, patches, ct, (inputs, start, count) =>
        {
            var logits = model.forward(inputs);
            var labels = patches.Labels!.narrow(0, start, count);
            totals.Add(loss.Compute(logits, labels, weighted: false), logits, labels);
        });
        return totals.Values();
    }

    /// <summary>
    /// Per patch, the probabilities of class 0 and 1, row-major N x 2. With <paramref name="testTimeAugmentation"/>
    /// each is the mean over the patch's 8 <see cref="DihedralViews"/>; without, the patch as it is (the validation
    /// pass's figures).
    /// </summary>
    public static float[] Probabilities(IdcCnn model, Augmenter augmenter, LossKind kind, DevicePatches patches,
        bool testTimeAugmentation = false)
    {
        var result = new float[patches.Count * 2L];
        ForEachBatch(model, augmenter, patches, CancellationToken.None, (inputs, start, count) =>
        {
            var probabilities = testTimeAugmentation
                ? DihedralViews.MeanOverViews(inputs, view =>
                    TrainingLoss.Probabilities(kind, model.forward(view.contiguous())))
                : TrainingLoss.Probabilities(kind, model.forward(inputs));
            probabilities.cpu().data<float>().CopyTo(result.AsSpan((int)(start * 2), (int)(count * 2)));
        });
        return result;
    }

    /// <summary>
    /// Calls <paramref name="onBatch"/> with each batch's network inputs, its start and its length, in eval mode
    /// without gradients.
    /// </summary>
    private static void ForEachBatch(IdcCnn model, Augmenter augmenter, DevicePatches patches, CancellationToken ct,
        Action<Tensor, long, long> onBatch)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (long start = 0; start < patches.Count; start += BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var count = Math.Min(BatchSize, patches.Count - start);
                onBatch(augmenter.Prepare(patches.Images.narrow(0, start, count)), start, count);
            }
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
