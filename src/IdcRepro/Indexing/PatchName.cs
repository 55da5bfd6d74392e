using System.Globalization;
using System.Text.RegularExpressions;
using IdcRepro.Data;

namespace IdcRepro.Indexing;

/// <summary>
/// Parses the dataset's naming:
/// <c>&lt;patient&gt;/&lt;class&gt;/&lt;patient&gt;_idx5_x&lt;X&gt;_y&lt;Y&gt;_class&lt;C&gt;.png</c>.
/// </summary>
public static partial class PatchName
{
    [GeneratedRegex(@"^(?<patient>[0-9]+)_idx5_x(?<x>[0-9]{1,9})_y(?<y>[0-9]{1,9})_class(?<label>[01])\.png$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The patch a path names, or the reason it does not name one.</summary>
    public static (Patch? Patch, IndexIssueKind? Problem) Parse(string path)
    {
        var segments = path.Split('/');
        var match = Pattern().Match(segments[^1]);
        if (!match.Success) return (null, IndexIssueKind.MalformedName);

        var patch = new Patch(
            path,
            match.Groups["patient"].Value,
            int.Parse(match.Groups["x"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture),
            match.Groups["label"].Value[0] - '0');

        // The class folder must agree with the class in the name, and the patient folder with the patient.
        if (segments.Length < 3 || segments[^2] != match.Groups["label"].Value || segments[^3] != patch.Patient)
            return (patch, IndexIssueKind.FolderMismatch);
        return (patch, null);
    }
}
