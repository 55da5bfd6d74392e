namespace IdcRepro.Evaluation;

/// <summary>
/// The model's verdict on one test patch: its true <see cref="Label"/> (0 non-IDC, 1 IDC), the two sigmoid outputs
/// of the blog's <c>Dense(2, sigmoid)</c> head (<see cref="P0"/> for non-IDC, <see cref="P1"/> for IDC, trained with
/// binary cross-entropy on one-hot labels), and the patient the patch comes from.
/// </summary>
/// <remarks>
/// <para>The predicted class is argmax(P0, P1), ties to class 0 like <c>np.argmax</c>.</para>
/// <para>
/// The probability of IDC used to rank patches for ROC and precision-recall is <see cref="P1"/> itself, not the
/// normalised P1 / (P0 + P1). Each output is its own sigmoid trained with binary cross-entropy against its own
/// one-hot column, so P1 alone is the model's estimate of P(IDC); it is what the usual Python idiom
/// <c>roc_curve(y[:, 1], model.predict(x)[:, 1])</c> ranks, so our curves compare directly with such a run; and the
/// ratio would mix in the errors of the non-IDC unit and is undefined when both outputs are 0.
/// One consequence to keep in mind: argmax decides by P1 &gt; P0, which is not a fixed threshold on P1, so the
/// argmax confusion matrix need not be one of the points of the ROC curve.
/// </para>
/// </remarks>
public sealed record Prediction(int Label, double P0, double P1, string Patient)
{
    /// <summary>argmax(P0, P1), ties to class 0.</summary>
    public int PredictedClass => P1 > P0 ? 1 : 0;

    /// <summary>
    /// The score that ranks patches for ROC and precision-recall: <see cref="P1"/> (see the remarks on the type).
    /// </summary>
    public double Score => P1;
}
