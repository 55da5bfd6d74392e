using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// The 8 symmetries of a square patch (the dihedral group D4), for test-time augmentation: view v turns the patch by
/// 90 degrees x (v mod 4) counter-clockwise as displayed (views 0-3), after mirroring it left-right for views 4-7. A
/// tissue patch has no preferred orientation, and training already rotates and flips, so each view is a fair look at
/// the same tissue.
/// </summary>
public static class DihedralViews
{
    public const int Count = 8;

    /// <summary>
    /// View <paramref name="view"/> (0 = the patch itself) of a float N x C x H x W batch of square patches.
    /// </summary>
    public static Tensor Apply(Tensor nchw, int view)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(view);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(view, Count);
        var x = view >= 4 ? nchw.flip(3) : nchw;
        var turns = view % 4;
        return turns == 0 ? x : x.rot90(turns, (2, 3));
    }

    /// <summary>
    /// The mean of <paramref name="score"/> over the 8 views of <paramref name="nchw"/>: the scores of views 0 to 7
    /// summed in that order, then divided by 8 (for probabilities: each class's probability averaged over the views).
    /// </summary>
    public static Tensor MeanOverViews(Tensor nchw, Func<Tensor, Tensor> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (nchw.shape.Length != 4 || nchw.shape[2] != nchw.shape[3])
            throw new ArgumentException(
                $"Dihedral views take N x C x H x W batches of square patches, not [{string.Join(", ", nchw.shape)}].",
                nameof(nchw));
        var sum = score(Apply(nchw, 0));
        for (var view = 1; view < Count; view++) sum = sum.add(score(Apply(nchw, view)));
        return sum.div(Count);
    }
}
