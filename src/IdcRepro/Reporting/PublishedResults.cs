using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>The published anchors a run is read against.</summary>
public static class PublishedResults
{
    /// <summary>
    /// The blog post's accuracy (79.10%): a random patch-level split, evaluated on an undersampled (balanced) test set.
    /// </summary>
    public static PublishedResult Blog { get; } = new(
        "Baruah 2019 (the blog)", "Keras CNN", "random patch split", "undersampled test set",
        new Dictionary<string, double> { [MetricNames.Accuracy] = 0.7910 });

    /// <summary>
    /// Cruz-Roa et al. 2014 as Janowczyk &amp; Madabhushi 2016 report it: F-measure 71.80%, balanced accuracy 84.23%.
    /// </summary>
    public static PublishedResult CruzRoa2014 { get; } = new(
        "Cruz-Roa et al. 2014", "3-layer CNN",
            "patient-level split: 113 training (84 + 29 validation) and 49 test patients",
            "all patches of the test patients",
        new Dictionary<string, double> { [MetricNames.F1] = 0.7180, [MetricNames.BalancedAccuracy] = 0.8423 });

    /// <summary>
    /// Janowczyk &amp; Madabhushi 2016, AlexNet on the same patient-level split: F-measure 76.48%, balanced accuracy
    /// 84.68%.
    /// </summary>
    public static PublishedResult JanowczykMadabhushi2016 { get; } = new(
        "Janowczyk & Madabhushi 2016", "AlexNet", "patient-level split: the same 113 training and 49 test patients",
            "all patches of the test patients",
        new Dictionary<string, double> { [MetricNames.F1] = 0.7648, [MetricNames.BalancedAccuracy] = 0.8468 });

    /// <summary>Every anchor, in the order shown.</summary>
    public static IReadOnlyList<PublishedResult> All { get; } = [Blog, CruzRoa2014, JanowczykMadabhushi2016];
}
