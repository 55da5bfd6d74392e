using IdcRepro.Config;
using IdcRepro.Training;

namespace IdcRepro.Export;

/// <summary>
/// The exported model.json: everything idc_model.py needs to rebuild <see cref="IdcCnn"/> layer for layer in PyTorch
/// (so that the state_dict's names match) and to turn its logits into probabilities. The input is RGB uint8 N x H x W x
/// 3 (NHWC) as the Preprocess cache holds it; the network takes float32 N x 3 x H x W after normalization.json.
/// </summary>
public sealed record PyTorchArchitecture(
    int InputSize,
    int Channels,
    IReadOnlyList<int> ConvWidths,
    int KernelSize,
    int PooledConvs,
    int PoolSize,
    bool BatchNorm,
    double BatchNormEps,
    double BatchNormMomentum,
    long FlattenSize,
    IReadOnlyList<int> DenseWidths,
    double Dropout,
    int Outputs,
    LossKind Loss,
    OutputHead Head)
{
    public const string FileName = "model.json";

    /// <summary>The architecture of a trained model's model.json, in the terms PyTorch's layers take.</summary>
    public static PyTorchArchitecture From(ModelDescription description)
    {
        var model = description.Model;
        return new PyTorchArchitecture(
            description.InputSize, PatchImages.Channels, model.ConvWidths, KernelSize: 3, model.PooledConvs,
                PoolSize: 2,
            model.BatchNorm, IdcCnn.BatchNormEpsilon, IdcCnn.BatchNormMomentum,
                IdcCnn.FlattenSizeFor(model, description.InputSize),
            model.DenseWidths, model.Dropout, Outputs: 2, description.Loss,
            description.Loss == LossKind.Bce ? OutputHead.Sigmoid : OutputHead.Softmax);
    }

    public string ToJson() => TrainingJson.Serialize(this);
}
