namespace IdcRepro.Training;

/// <summary>
/// Why training ended: it ran the configured epochs, or early stopping saw no improvement for <c>patience</c> epochs.
/// </summary>
public enum StopReason { Completed, EarlyStopped }
