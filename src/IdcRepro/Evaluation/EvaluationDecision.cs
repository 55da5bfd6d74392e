using System.Text.Json;
using System.Text.Json.Serialization;
using IdcRepro.Config;
using IdcRepro.Pipeline;

namespace IdcRepro.Evaluation;

/// <summary>
/// decision.json: how Evaluate made classes of probabilities (<c>evaluate.threshold</c>) and how it scored
/// (<c>evaluate.tta</c>). fixed: argmax, p1 &gt; p0, the blog's rule. validation_balanced: p1 &gt; t, with t the
/// threshold that maximises balanced accuracy on every patch of the run's validation patients
/// (<see cref="ThresholdSearch"/>), recorded here with what it was chosen on; it decides the test, all-patch and
/// external figures alike (and predictions.csv's <c>predicted</c> column). ROC AUC and average precision do not depend
/// on it.
/// </summary>
public sealed record EvaluationDecision
{
    public const string FileName = "decision.json";

    /// <summary><c>fixed</c> or <c>validation_balanced</c> (the config's words).</summary>
    public required string Rule { get; init; }

    /// <summary>The threshold on p1 (class 1 when p1 &gt; it); null for argmax.</summary>
    public double? Threshold { get; init; }

    /// <summary>"argmax (p1 &gt; p0)" or "p1 &gt; 0.4213...".</summary>
    public required string Description { get; init; }

    /// <summary>Whether every patch was scored as the mean of its 8 dihedral views.</summary>
    public required bool Tta { get; init; }

    /// <summary>
    /// What the threshold was chosen on (0 for fixed): the validation patches and patients, the balanced accuracy
    /// there, the candidates weighed.
    /// </summary>
    public long ValidationPatches { get; init; }

    public int ValidationPatients { get; init; }
    public double? ValidationBalancedAccuracy { get; init; }
    public int Candidates { get; init; }

    /// <summary>The rule to apply.</summary>
    [JsonIgnore]
    public DecisionRule DecisionRule => Threshold is { } t ? DecisionRule.AtThreshold(t) : DecisionRule.Argmax;

    /// <summary>Argmax: the blog's rule, and today's predictions bit for bit.</summary>
    public static EvaluationDecision Fixed(bool tta) => new()
    {
        Rule = ConfigSchema.EnumName(ThresholdRule.Fixed), Description = DecisionRule.Argmax.ToString(), Tta = tta,
    };

    /// <summary>The threshold that maximises balanced accuracy on <paramref name="validation"/> (pure).</summary>
    /// <exception cref="StageException">No validation predictions, or only one class among them.</exception>
    public static EvaluationDecision ChosenOn(IReadOnlyList<Prediction> validation, bool tta)
    {
        var patients = validation.Select(p => p.Patient).Distinct(StringComparer.Ordinal).Count();
        ChosenThreshold chosen;
        try
        {
            chosen = ThresholdSearch.MaximiseBalancedAccuracy(validation);
        }
        catch (ArgumentException e)
        {
            throw new StageException(
                "Evaluate: evaluate.threshold validation_balanced cannot choose a threshold on the validation set " +
                $"({validation.Count:N0} patches of {patients} patients): " +
                $"{e.Message.Split(" (Parameter")[0]} Give the split a validation set with both classes (a larger " +
                "split.validation_fraction), or use evaluate.threshold: fixed.");
        }
        return new EvaluationDecision
        {
            Rule = ConfigSchema.EnumName(ThresholdRule.ValidationBalanced),
            Threshold = chosen.Threshold,
            Description = chosen.Rule.ToString(),
            Tta = tta,
            ValidationPatches = validation.Count,
            ValidationPatients = patients,
            ValidationBalancedAccuracy = chosen.BalancedAccuracy,
            Candidates = chosen.Candidates,
        };
    }

    /// <summary>
    /// One line: "argmax (p1 &gt; p0)" or "p1 &gt; 0.4213, chosen on 1,234 patches of 3 validation patients (balanced
    /// accuracy 0.812)".
    /// </summary>
    public string Describe() => (Threshold is { } t
        ? $"p1 > {t:0.0000}, chosen on {ValidationPatches:N0} patches of {ValidationPatients} validation patients " +
            $"(balanced accuracy there {ValidationBalancedAccuracy:0.000})"
        : Description) + (Tta ? "; each patch scored as the mean of its 8 rotations and mirror images" : "");

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Stamp.Json));

    public static EvaluationDecision Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<EvaluationDecision>(File.ReadAllText(path), Stamp.Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new StageException($"{path}: not a valid decision file ({e.Message}). Rerun Evaluate with --force.");
        }
    }
}
