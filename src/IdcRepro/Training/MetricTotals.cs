using IdcRepro.Config;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// Loss and correct counts over the batches of a pass. Per batch it keeps only the mean loss times the batch size and
/// references to the batch's logits and labels, all on the device, so a training step launches no metric kernels and
/// never waits for the device; <see cref="Values"/> works out every batch's counts in one go and sums the batches' rows
/// [loss x n, correct, binary correct] as one B x 3 tensor.
/// </summary>
internal sealed class MetricTotals(LossKind kind) : IDisposable
{
    private readonly List<Tensor> _losses = [];
    private readonly List<Tensor> _logits = [];
    private readonly List<Tensor> _labels = [];
    private readonly List<long> _sizes = [];

    public int Count { get; private set; }

    /// <summary>Records one batch: its mean loss (a scalar), its logits (n x 2) and labels (n).</summary>
    public void Add(Tensor meanLoss, Tensor logits, Tensor labels)
    {
        var n = labels.shape[0];
        using (NewDisposeScope())
            _losses.Add((meanLoss.detach().to_type(ScalarType.Float64) * n).DetachFromDisposeScope());
        _logits.Add(logits.detach().DetachFromDisposeScope());
        _labels.Add(labels.detach().DetachFromDisposeScope());
        _sizes.Add(n);
        Count += (int)n;
    }

    /// <summary>The mean loss so far, for progress: the loss column alone, no counting.</summary>
    public double MeanLoss()
    {
        if (Count == 0) return double.NaN;
        using var scope = NewDisposeScope();
        return stack(_losses).sum().cpu().item<double>() / Count;
    }

    public MetricValues Values()
    {
        if (Count == 0) return new MetricValues(double.NaN, double.NaN, double.NaN);
        using var scope = NewDisposeScope();
        var logits = cat(_logits);
        var labels = cat(_labels);
        var batchOfPatch =
            tensor(_sizes.SelectMany((n, b) => Enumerable.Repeat((long)b, (int)n)).ToArray(), device: logits.device);
        var correct = PerBatch(logits.argmax(1).eq(labels).to_type(ScalarType.Int64), batchOfPatch);
        var binaryCorrect = PerBatch(TrainingLoss.Probabilities(kind, logits).gt(0.5).to_type(ScalarType.Int64)
            .eq(nn.functional.one_hot(labels, 2)).to_type(ScalarType.Int64).sum(1), batchOfPatch);
        var rows = stack(
            [stack(_losses), correct.to_type(ScalarType.Float64), binaryCorrect.to_type(ScalarType.Float64)], dim: 1);
        var sums = rows.sum(dim: 0).cpu().data<double>().ToArray();
        return new MetricValues(sums[0] / Count, sums[1] / Count, sums[2] / (2.0 * Count));
    }

    /// <summary>Sums a per-patch count over each batch (exact: integers).</summary>
    private Tensor PerBatch(Tensor perPatch, Tensor batchOfPatch) =>
        zeros(_sizes.Count, ScalarType.Int64, perPatch.device).index_add_(0, batchOfPatch, perPatch, 1);

    public void Dispose()
    {
        foreach (var t in _losses.Concat(_logits).Concat(_labels)) t.Dispose();
        _losses.Clear();
        _logits.Clear();
        _labels.Clear();
        _sizes.Clear();
    }
}
