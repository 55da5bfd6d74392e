namespace IdcRepro.Config;

/// <summary>
/// random: patches; patient: whole patients; lists: patient-list files; patient_kfold: whole patients dealt into
/// <see cref="SplitConfig.Folds"/> folds, fold <see cref="SplitConfig.Fold"/> being this run's test set.
/// </summary>
public enum SplitStrategy { Random, Patient, Lists, PatientKfold }

/// <summary>The <c>split</c> section: train / validation / test sets.</summary>
public sealed record SplitConfig : ISelfValidating
{
    public SplitStrategy Strategy { get; init; } = SplitStrategy.Random;
    [ConfigRange(0, int.MaxValue)] public int Seed { get; init; } = 42;

    /// <summary>
    /// Share of patches (random) or patients (patient) held out for test. 0 (no test set) only with a validation set;
    /// not used by lists and patient_kfold (their test sets are the list and the fold).
    /// </summary>
    [ConfigRange(0, 1)] public double TestFraction { get; init; } = 0.15;

    /// <summary>
    /// Share held out for validation; 0 means none, and the test set doubles as validation (as in the blog).
    /// </summary>
    [ConfigRange(0, 1)] public double ValidationFraction { get; init; }

    /// <summary>
    /// Keep the class balance alike across sets (random: by label; patient: by each patient's IDC share). patient_kfold
    /// always stratifies.
    /// </summary>
    public bool Stratify { get; init; }

    /// <summary>
    /// patient_kfold: how many folds the patients are dealt into; the config fans out to one run per fold, each testing
    /// its fold.
    /// </summary>
    [ConfigRange(2, 100)] public int Folds { get; init; } = 5;

    /// <summary>
    /// patient_kfold: which fold (0-based, below <see cref="Folds"/>) is this run's test set. Set by the fan-out
    /// (<see cref="IdcConfig.Runs"/>: one run per fold, &lt;name&gt;-fold&lt;i&gt;), whatever a config says; to run one
    /// fold, pick its run (<c>--run &lt;name&gt;-fold&lt;i&gt;</c>).
    /// </summary>
    [ConfigRange(0, 99)] public int Fold { get; init; }

    /// <summary>Patient-list files for strategy lists: one patient id a line, '#' starts a comment.</summary>
    public SplitListsConfig Lists { get; init; } = new();

    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (Strategy == SplitStrategy.PatientKfold)
        {
            if (ValidationFraction + 1.0 / Folds >= 1)
                yield return ("validation_fraction",
                    $"validation_fraction + 1 / folds must be below 1 (they are {ValidationFraction} + 1/{Folds}): " +
                    "the training folds need patients left over");
        }
        else if (TestFraction + ValidationFraction >= 1)
            yield return ("validation_fraction",
                $"test_fraction + validation_fraction must be below 1 (they are {TestFraction} " +
                $"+ {ValidationFraction})");
        if (TestFraction == 0)
        {
            if (Strategy is SplitStrategy.Lists or SplitStrategy.PatientKfold)
                yield return ("test_fraction",
                    "test_fraction 0 applies to strategies random and patient; strategy " +
                    $"'{ConfigSchema.EnumName(Strategy)}' takes its test set " +
                    $"from {(Strategy == SplitStrategy.Lists ? "split.lists.test" : "fold split.fold")} and does " +
                    "not use test_fraction (leave it out)");
            else if (ValidationFraction == 0)
                yield return ("test_fraction",
                    "test_fraction 0 leaves no test set, and then nothing is left to validate on either: set " +
                    "validation_fraction above 0 (all data but the validation set is then training data), or give " +
                    "test_fraction a share");
        }
        if (Fold >= Folds)
            yield return ("fold",
                $"fold {Fold} does not exist with {Folds} folds: folds are numbered 0 to {Folds - 1}");
        if (Strategy == SplitStrategy.Lists && (Lists.Train is null || Lists.Test is null))
            yield return ("lists",
                "strategy 'lists' needs split.lists.train and split.lists.test (and optionally " +
                "split.lists.validation)");
    }
}

public sealed record SplitListsConfig
{
    [ConfigPath] public string? Train { get; init; }
    [ConfigPath] public string? Validation { get; init; }
    [ConfigPath] public string? Test { get; init; }
}
