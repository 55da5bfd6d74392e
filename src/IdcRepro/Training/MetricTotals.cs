using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// Sums of loss and correct counts over the batches of a pass, kept on the device (one small tensor per batch) so that
/// training does not wait for the device each batch; <see cref="Values"/> brings them to the host.
/// </summary>
internal sealed class MetricTotals : IDisposable
{
    private readonly List<Tensor> _batches = [];

    public int Count { get; private set; }

    public void Add(Tensor meanLoss, Tensor logits, Tensor probabilities, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var n = labels.shape[0];
        var correct = logits.argmax(1).eq(labels).sum().to_type(ScalarType.Float64);
        var binaryCorrect = probabilities.gt(0.5).to_type(ScalarType.Int64).eq(nn.functional.one_hot(labels, 2)).sum().to_type(ScalarType.Float64);
        var batch = stack([meanLoss.detach().to_type(ScalarType.Float64) * n, correct, binaryCorrect]);
        _batches.Add(batch.DetachFromDisposeScope());
        Count += (int)n;
    }

    public MetricValues Values()
    {
        if (Count == 0) return new MetricValues(double.NaN, double.NaN, double.NaN);
        using var scope = NewDisposeScope();
        var sums = stack(_batches).sum(dim: 0).cpu().data<double>().ToArray();
        return new MetricValues(sums[0] / Count, sums[1] / Count, sums[2] / (2.0 * Count));
    }

    public void Dispose()
    {
        foreach (var batch in _batches) batch.Dispose();
        _batches.Clear();
    }
}
