namespace IdcRepro.Export;

/// <summary>
/// The trained model an export is made from: its run, its Train output folder and that folder's stamp.
/// </summary>
public sealed record ExportSource(
    string Run,
    string TrainFolder,
    string TrainKey,
    string TrainOutputHash,
    string TrainCodeVersion,
    int BestEpoch,
    string ConfigYaml);
