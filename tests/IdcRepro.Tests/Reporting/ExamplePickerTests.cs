using IdcRepro.Data;
using IdcRepro.Reporting;
using IdcRepro.Reporting.Panels;

namespace IdcRepro.Tests.Reporting;

public sealed class ExamplePickerTests
{
    private static ScoredPatch S(int label, double p1) =>
        new(new Patch("x.png", "p", 1, 1, label), p1, p1 > 0.5 ? 1 : 0);

    [Fact]
    public void Picks_the_most_confident_first_with_ties_by_index()
    {
        ScoredPatch[] predictions =
        [
            S(1, 0.90), // 0 TP
            S(1, 0.99), // 1 TP
            S(0, 0.70), // 2 FP
            S(1, 0.10), // 3 FN
            S(0, 0.02), // 4 TN
            S(1, 0.99), // 5 TP, ties with 1
            S(0, 0.95), // 6 FP
            S(1, 0.45), // 7 FN
            S(0, 0.02), // 8 TN, ties with 4
            S(0, 0.30), // 9 TN
        ];
        var rows = ExamplePicker.Pick(predictions, perOutcome: 2);

        Assert.Equal([PatchOutcome.TruePositive, PatchOutcome.FalsePositive, PatchOutcome.FalseNegative,
            PatchOutcome.TrueNegative], rows.Select(r => r.Outcome));
        Assert.Equal([1, 5], rows[0].Indices);  // highest P1, tie by index; 0 left out
        Assert.Equal([6, 2], rows[1].Indices);  // most confident false alarms first
        Assert.Equal([3, 7], rows[2].Indices);  // lowest P1 first: the clearest misses
        Assert.Equal([4, 8], rows[3].Indices);  // tie at 0.02 by index; 9 left out
        Assert.Equal([3, 2, 2, 3], rows.Select(r => r.Available));
    }

    [Fact]
    public void Picks_the_same_examples_every_time_and_regardless_of_how_many_are_shown()
    {
        var predictions = FakeRun.Predictions();
        var eight = ExamplePicker.Pick(predictions, 8);
        var again = ExamplePicker.Pick(predictions, 8);
        var three = ExamplePicker.Pick(predictions, 3);
        for (var r = 0; r < 4; r++)
        {
            Assert.Equal(eight[r].Indices, again[r].Indices);
            Assert.Equal(eight[r].Indices.Take(three[r].Indices.Count), three[r].Indices);
        }
    }

    [Fact]
    public void Grid_has_one_row_per_outcome_and_a_column_per_example()
    {
        var run = FakeRun.Report();
        var rows = ExamplePicker.Pick(run.Predictions, 8);
        using var grid = PngAssert.Decodes(ExampleGrid.Render(rows, run.Predictions, run.Pixels!));
        Assert.Equal(ExampleGrid.LabelWidth + 8 * (ExampleGrid.Cell + 8), grid.Width);
        Assert.True(grid.Height >= 4 * ExampleGrid.Cell);
    }
}
