using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Repository;

/// <summary>
/// The line width .editorconfig sets (max_line_length = 120) for C# and the Cake script. dotnet format does not check
/// it, so this test does: every .cs file under src/ and tests/ and every .cake file under build/, bin/ and obj/ aside.
/// </summary>
public class LineWidthTests
{
    public const int MaxWidth = 120;

    [Fact]
    public void Every_line_of_code_fits_in_120_columns()
    {
        var sources = new[] { ("src", "*.cs"), ("tests", "*.cs"), ("build", "*.cake") }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, d.Item1), d.Item2,
                SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(sources);

        var wide = sources.SelectMany(f => WideLines(f, File.ReadAllText(Path.Combine(RepoPaths.Root, f)))).ToList();

        Assert.True(wide.Count == 0,
            $"{wide.Count} lines are wider than {MaxWidth} columns; wrap them (see .editorconfig):\n" +
            string.Join("\n", wide.Take(50)));
    }

    [Fact]
    public void A_line_of_121_columns_is_named_by_file_line_and_width_and_one_of_120_is_not()
    {
        var text = new string('a', 120) + "\n" + new string('b', 121) + "\r\n" + "short";

        Assert.Equal(["src/X.cs:2: 121 columns"], WideLines("src/X.cs", text));
        Assert.Empty(WideLines("src/Y.cs", new string('c', 120) + "\r\n"));
    }

    /// <summary>"file:line: width columns" for each line of <paramref name="text"/> wider than the limit.</summary>
    public static IEnumerable<string> WideLines(string file, string text) =>
        text.Split('\n')
            .Select((line, i) => (Number: i + 1, Width: line.TrimEnd('\r').Length))
            .Where(l => l.Width > MaxWidth)
            .Select(l => $"{file}:{l.Number}: {l.Width} columns");
}
