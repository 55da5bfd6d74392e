using System.Globalization;
using Spectre.Console;

namespace IdcRepro.Training;

/// <summary>
/// Shows training as it goes: a progress bar per epoch (loss, patches/s, ETA) and one line per finished epoch.
/// </summary>
internal sealed class TrainingConsole(IAnsiConsole console, ProgressContext progress) : ITrainingObserver
{
    private ProgressTask? _epoch;

    public void OnMessage(string message) => console.MarkupLineInterpolated($"Train: {message}");

    public void OnEpochStart(int epoch, int epochs) => _epoch =
        progress.AddTask($"epoch {epoch}/{epochs}", maxValue: 1);

    public void OnBatch(int epoch, int batchIndex, int batchCount, double loss, double patchesPerSecond)
    {
        if (_epoch is null) return;
        _epoch.MaxValue = batchCount;
        _epoch.Value = batchIndex + 1;
        _epoch.Description = string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch}: loss {loss:0.0000}, {patchesPerSecond:0} patches/s");
    }

    public void OnEpochEnd(EpochRecord r)
    {
        if (_epoch is not null)
        {
            _epoch.Value = _epoch.MaxValue;
            _epoch.StopTask();
        }
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Train: epoch {r.Epoch,3}  loss {r.TrainLoss:0.0000}  acc {r.TrainAccuracy:0.0000}  |  " +
            $"val_loss {r.ValLoss:0.0000}  val_acc {r.ValAccuracy:0.0000}  |  {r.Seconds:0.0} s"));
    }
}
