namespace IdcRepro.Tests.TestSupport;

public sealed class PythonTests
{
    [Fact]
    public void A_missing_interpreter_or_package_fails_with_what_to_install()
    {
        var python = new Python(["/nonexistent/python3"], "torch",
            "this test needs Debian's python3 with PyTorch: apt-get install python3-torch");

        var e = Assert.Throws<InvalidOperationException>(() => python.Interpreter);

        Assert.Contains("apt-get install python3-torch", e.Message);
        Assert.Contains("/nonexistent/python3", e.Message);
    }
}
