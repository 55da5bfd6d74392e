namespace IdcRepro.Evaluation;

/// <summary>
/// What scoring a folder or zip gave: one row per scored patch, the patches left out, and the device that scored them.
/// </summary>
public sealed record ScoringResult(IReadOnlyList<PredictionRow> Rows, IReadOnlyList<UnscoredPatch> Skipped,
    string Device)
{
    /// <summary>The dataset's naming, which carries the class.</summary>
    public const string LabelledPattern = "<patient>_idx5_x<X>_y<Y>_class<C>.png";

    /// <summary>How many unlabelled names <see cref="WhyNoMetrics"/> names before "...".</summary>
    private const int NamedFiles = 3;

    /// <summary>True when every scored patch's name carried its class, so metrics can be computed.</summary>
    public bool Labelled => Rows.Count > 0 && Rows.All(r => r.Label >= 0);

    /// <summary>The scored files whose names carry no class, in input order.</summary>
    public IReadOnlyList<string> Unlabelled => [.. Rows.Where(r => r.Label < 0).Select(r => r.Path)];

    /// <summary>Why no metrics.json is written (which files carry no class), or null when it is.</summary>
    public string? WhyNoMetrics()
    {
        if (Labelled) return null;
        var unlabelled = Unlabelled;
        if (unlabelled.Count == Rows.Count)
            return $"no metrics.json: none of the {Rows.Count:N0} scored file names carries its class (metrics need " +
                $"names like {LabelledPattern}).";
        var named = string.Join(", ", unlabelled.Take(NamedFiles)) + (unlabelled.Count > NamedFiles ? ", ..." : "");
        return $"no metrics.json: {unlabelled.Count:N0} of {Rows.Count:N0} scored files carry no class in their " +
            $"name ({named}); "
            + $"metrics need every name to be like {LabelledPattern}. Score the labelled files on their own to get " +
                "them.";
    }
}
