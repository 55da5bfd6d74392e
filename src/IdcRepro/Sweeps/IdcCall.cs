namespace IdcRepro.Sweeps;

/// <summary>
/// One call of the idc program a job makes: its arguments after the program (e.g. evaluate --config ... --run a-seed1).
/// </summary>
public sealed record IdcCall(IReadOnlyList<string> Arguments)
{
    public string Command => Arguments[0];

    public override string ToString() => string.Join(' ', Arguments.Select(ShellWord.Quote));
}
