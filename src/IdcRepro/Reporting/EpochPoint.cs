namespace IdcRepro.Reporting;

/// <summary>One epoch of training as Keras' history records it: losses and accuracies on the training and validation sets, and its wall-clock time.</summary>
public sealed record EpochPoint(int Epoch, double TrainLoss, double TrainAccuracy, double ValLoss, double ValAccuracy, double Seconds);
