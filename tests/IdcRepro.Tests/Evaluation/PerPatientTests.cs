using IdcRepro.Evaluation;

namespace IdcRepro.Tests.Evaluation;

public sealed class PerPatientTests
{
    [Fact]
    public void Summarises_each_patient_in_ordinal_order()
    {
        Prediction[] predictions =
        [
            new(1, 0.2, 0.8, "9036"),  // TP
            new(0, 0.4, 0.6, "9036"),  // FP
            new(0, 0.9, 0.1, "9036"),  // TN
            new(1, 0.6, 0.4, "10253"), // FN
            new(1, 0.3, 0.7, "10253"), // TP
        ];

        var summaries = PerPatient.Compute(predictions);

        // Ordinal: "10253" < "9036".
        Assert.Equal(["10253", "9036"], summaries.Select(s => s.Patient));
        // 10253: 2 patches, both IDC; accuracy 1/2, sensitivity 1/2, no class 0; mean P1 (0.4 + 0.7) / 2 = 0.55.
        Assert.Equal(new PatientSummary("10253", 2, 2, 0.5, 0.5, null, (0.4 + 0.7) / 2), summaries[0]);
        // 9036: 3 patches, 1 IDC; accuracy 2/3, sensitivity 1/1, specificity 1/2; mean P1 (0.1 + 0.6 + 0.8) / 3 = 0.5.
        var s = summaries[1];
        Assert.Equal((3, 1), (s.Patches, s.Positives));
        Assert.Equal(2.0 / 3, s.Accuracy, 15);
        Assert.Equal(1.0, s.Sensitivity);
        Assert.Equal(0.5, s.Specificity);
        Assert.Equal(0.5, s.MeanP1, 15);
    }

    [Fact]
    public void Does_not_depend_on_input_order()
    {
        var predictions = PredictionData.Synthetic(patients: 7, perPatient: 30, seed: 5);
        Assert.Equal(PerPatient.Compute(predictions), PerPatient.Compute(PredictionData.Shuffled(predictions, 1)));
    }
}
