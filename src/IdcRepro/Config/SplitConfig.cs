namespace IdcRepro.Config;

public enum SplitStrategy { Random, Patient, Lists }

/// <summary>The <c>split</c> section: train / validation / test sets.</summary>
public sealed record SplitConfig : ISelfValidating
{
    public SplitStrategy Strategy { get; init; } = SplitStrategy.Random;
    [ConfigRange(0, int.MaxValue)] public int Seed { get; init; } = 42;

    /// <summary>Share of patches (random) or patients (patient) held out for test.</summary>
    [ConfigRange(0, 1, ExclusiveMinimum = true)] public double TestFraction { get; init; } = 0.15;

    /// <summary>Share held out for validation; 0 means none, and the test set doubles as validation (as in the blog).</summary>
    [ConfigRange(0, 1)] public double ValidationFraction { get; init; }

    /// <summary>Keep the class balance alike across sets (random: by label; patient: by each patient's IDC share).</summary>
    public bool Stratify { get; init; }

    /// <summary>Patient-list files for strategy lists: one patient id a line, '#' starts a comment.</summary>
    public SplitListsConfig Lists { get; init; } = new();

    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (TestFraction + ValidationFraction >= 1)
            yield return ("validation_fraction", $"test_fraction + validation_fraction must be below 1 (they are {TestFraction} + {ValidationFraction})");
        if (Strategy == SplitStrategy.Lists && (Lists.Train is null || Lists.Test is null))
            yield return ("lists", "strategy 'lists' needs split.lists.train and split.lists.test (and optionally split.lists.validation)");
    }
}

public sealed record SplitListsConfig
{
    [ConfigPath] public string? Train { get; init; }
    [ConfigPath] public string? Validation { get; init; }
    [ConfigPath] public string? Test { get; init; }
}
