using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Torch;
using IdcRepro.Training;

namespace IdcRepro.Export;

/// <summary>
/// Exports the model an earlier Train made for a run's config (<see cref="PyTorchExport"/>), by default into
/// <c>runs/&lt;name&gt;/export/pytorch/</c>. Not a cached stage: it rewrites the folder on every call, which costs a
/// second.
/// </summary>
public static class ModelExport
{
    public static string DefaultFolder(ArtifactLayout layout, RunSpec run) =>
        layout.ExportDirectory(run.Name, PyTorchExport.Format);

    /// <summary>
    /// Writes the export into <paramref name="folder"/> (default <see cref="DefaultFolder"/>) and returns its manifest.
    /// </summary>
    /// <exception cref="Pipeline.StageException">Train has not run for this config, or the folder holds something
    /// else.</exception>
    public static ExportManifest ToPyTorch(PipelineRunner runner, RunSpec run, string? folder = null)
    {
        var train = runner.Require(Graph.Train, run);
        TorchRuntime.EnsureLoaded();
        var source = new ExportSource(run.Name, train.Directory, train.Stamp.Key, train.Stamp.OutputHash,
            train.Stamp.CodeVersion,
            TrainStage.Read(train.Directory).Summary.BestEpoch, ConfigWriter.ToYaml(run.Config));
        return PyTorchExport.Write(source, folder ?? DefaultFolder(runner.Layout, run));
    }
}
