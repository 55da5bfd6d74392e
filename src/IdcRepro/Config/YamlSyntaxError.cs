using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace IdcRepro.Config;

/// <summary>
/// Turns a YAML file that YamlDotNet could not read into one line naming the line and column of the problem and what
/// to do. YamlDotNet reports some mistakes at 1:1 (a tab in the indentation, an alias to an undefined anchor) and
/// throws a bare <see cref="InvalidOperationException"/> on a flow collection left open before the next key
/// (<c>epochs: [3</c> followed by <c>seed: 1</c>), so the file is scanned again, token by token, to find the spot.
/// </summary>
internal static class YamlSyntaxError
{
    private sealed record OpenCollection(char Opener, Mark Start);

    /// <param name="file">The file, as the message should show it.</param>
    /// <param name="text">Its content.</param>
    /// <param name="failure">What YamlDotNet threw while loading it.</param>
    public static ConfigException Explain(string file, string text, Exception failure)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var open = new Stack<OpenCollection>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        AnchorAlias? undefinedAlias = null;
        Mark? lastGood = null;
        var reachedEnd = false;
        try
        {
            var scanner = new Scanner(new StringReader(text));
            while (scanner.MoveNext())
            {
                var token = scanner.Current!;
                switch (token)
                {
                    case FlowSequenceStart: open.Push(new OpenCollection('[', token.Start)); break;
                    case FlowMappingStart: open.Push(new OpenCollection('{', token.Start)); break;
                    case FlowSequenceEnd or FlowMappingEnd when open.Count > 0: open.Pop(); break;
                    case Anchor anchor: anchors.Add(anchor.Value.Value); break;
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value): undefinedAlias ??= alias; break;
                    case StreamEnd: reachedEnd = true; break;
                }
                if (token is not StreamEnd) lastGood = token.End;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Scanning stops where the reader did; what was seen up to there says why.
        }

        if (open.Count > 0 && NotClosed(file, lines, open, reachedEnd) is { } notClosed) return notClosed;
        if (failure is AnchorNotFoundException && undefinedAlias is not null)
        {
            var name = undefinedAlias.Value.Value;
            return At(file, undefinedAlias.Start.Line, undefinedAlias.Start.Column,
                $"'*{name}' refers to the anchor '&{name}', which is not defined above it. Define it before this " +
                $"line (key: &{name} value) or write the value out");
        }
        if (Innermost(failure).Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            && TabIndent(lines, lastGood) is var (tabLine, tabColumn))
            return At(file, tabLine, tabColumn,
                "a tab in the indentation; YAML indents with spaces only. Replace the tab with spaces");

        var (line, column) = failure is YamlException { Start.Index: > 0 } y ? (y.Start.Line, y.Start.Column)
            : lastGood is { } mark ? (mark.Line, mark.Column)
            : (1L, 1L);
        return At(file, line, column,
            $"not valid YAML: {Innermost(failure).Message.TrimEnd('.')}. Check the indentation and quoting on that " +
            "line");
    }

    /// <summary>
    /// The flow collection still open where a later line starts a new key (or the file ends), if that is what happened.
    /// </summary>
    private static ConfigException? NotClosed(string file, string[] lines, Stack<OpenCollection> open, bool reachedEnd)
    {
        var innermost = open.Peek();
        var openerLine = (int)innermost.Start.Line - 1;
        if (openerLine < 0 || openerLine >= lines.Length) return null;
        var indent = Indentation(lines[openerLine]);
        var next = Enumerable.Range(openerLine + 1, lines.Length - openerLine - 1)
            .FirstOrDefault(i => lines[i].Trim() is { Length: > 0 } t && !t.StartsWith('#')
                && Indentation(lines[i]) <= indent, -1);
        if (next < 0 && !reachedEnd) return null;

        var closers = new string(open.Where(o => o.Start.Line == innermost.Start.Line)
            .Select(o => o.Opener == '[' ? ']' : '}').ToArray());
        var what = innermost.Opener == '[' ? "list" : "mapping";
        var before = next >= 0 ? $"line {next + 1} ('{lines[next].Trim()}') starts" : "the file ends";
        var opener = lines[openerLine].Trim();
        var example = opener.Contains('#') ? "" : $", e.g. '{opener}{closers}'";
        return At(file, innermost.Start.Line, innermost.Start.Column,
            $"the {what} opened with '{innermost.Opener}' is not closed before {before}. Close it with '{closers}' " +
            $"on this line{example}");
    }

    /// <summary>
    /// The first line, from the last token read on, whose indentation holds a tab: its line and the tab's column.
    /// </summary>
    private static (long Line, long Column)? TabIndent(string[] lines, Mark? from)
    {
        for (var i = Math.Max(0, (int)(from?.Line ?? 1) - 1); i < lines.Length; i++)
        {
            var lead = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, lead);
            if (tab >= 0) return (i + 1, tab + 1);
        }
        return null;
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;

    private static ConfigException At(string file, long line, long column, string message) =>
        new($"{file}:{line}:{column}: {message}.");

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
