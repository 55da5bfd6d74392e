namespace IdcRepro.Tests.TestSupport;

/// <summary>
/// Runs Python code with PyTorch and numpy: Debian's /usr/bin/python3 with python3-torch and python3-numpy (what
/// .ci/run installs), to check that an export loads and scores in PyTorch as idc scores. pyenv's python3 has neither
/// package.
/// </summary>
public static class PyTorchPython
{
    private static readonly Python Python = new(["/usr/bin/python3", "python3"], "torch, numpy",
        "this test needs Debian's python3 with PyTorch and numpy: apt-get install python3-torch python3-numpy");

    public static string Interpreter => Python.Interpreter;

    /// <summary>
    /// Runs <paramref name="code"/> with <paramref name="arguments"/> as sys.argv[1:] and returns its stdout.
    /// </summary>
    public static string Run(string code, params string[] arguments) => Python.Run(code, arguments);
}
