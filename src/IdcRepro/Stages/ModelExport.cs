using IdcRepro.Config;
using IdcRepro.Export;
using IdcRepro.Torch;

namespace IdcRepro.Stages;

/// <summary>
/// Exports the model an earlier Train made for a run's config (<see cref="PyTorchExport"/>), by default into
/// <c>runs/&lt;name&gt;/export/pytorch/</c>. Not a cached stage: it rewrites the folder on every call, which costs a second.
/// </summary>
public static class ModelExport
{
    public static string DefaultFolder(RunContext ctx) => ctx.Layout.ExportDirectory(ctx.Config.Name, PyTorchExport.Format);

    /// <summary>Writes the export into <paramref name="folder"/> (default <see cref="DefaultFolder"/>) and returns its manifest.</summary>
    /// <exception cref="Pipeline.StageException">Train has not run for this config, or the folder holds something else.</exception>
    public static ExportManifest ToPyTorch(RunContext ctx, string? folder = null)
    {
        var train = ctx.Require(TrainStage.KeyFor(ctx));
        TorchRuntime.EnsureLoaded();
        var source = new ExportSource(ctx.Config.Name, train.Directory, train.Stamp.Key, train.Stamp.OutputHash, train.Stamp.CodeVersion,
            TrainStage.Summary(train.Directory).BestEpoch, ConfigWriter.ToYaml(ctx.Config));
        return PyTorchExport.Write(source, folder ?? DefaultFolder(ctx));
    }
}
