namespace IdcRepro.Reporting.Panels;

/// <summary>
/// The example patches of one confusion-matrix outcome: prediction indices, most confident first, and how many
/// test patches had that outcome in all.
/// </summary>
public sealed record ExampleRow(PatchOutcome Outcome, IReadOnlyList<int> Indices, int Available);
