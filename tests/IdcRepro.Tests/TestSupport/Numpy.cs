namespace IdcRepro.Tests.TestSupport;

/// <summary>Runs Python code with numpy, to check that what we write is what a Python user would load.</summary>
public static class Numpy
{
    /// <summary>The first python3 that imports numpy; CI installs Debian's python3-numpy (see .ci/run).</summary>
    private static readonly Python Python = new(["python3", "/usr/bin/python3"], "numpy",
        "this test needs python3 with numpy: install it (Debian: apt-get install python3-numpy)");

    public static string Run(string code) => Python.Run(code);
}
