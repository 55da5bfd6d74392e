using System.Globalization;
using System.Net.Http.Headers;
using IdcRepro.Pipeline;

namespace IdcRepro.Fetch;

/// <summary>
/// Which version of the file a partial download holds: the server's strong <c>ETag</c>, or else its
/// <c>Last-Modified</c>, remembered next to the partial (<c>&lt;archive&gt;.partial.validator</c>, one line such as
/// <c>ETag: "5f2a-1c"</c>). A resume sends it as <c>If-Range</c> and appends only a 206 that carries it again, so the
/// tail of another file is never spliced onto the partial; a partial without one is never resumed.
/// </summary>
internal sealed record DownloadValidator(string Header, string Value)
{
    private const string ETag = "ETag";
    private const string LastModified = "Last-Modified";

    /// <summary>Where the validator of a partial download is remembered.</summary>
    public static string PathFor(string partial) => partial + ".validator";

    /// <summary>
    /// The strong ETag of a response, else its Last-Modified; null when it has neither (a weak <c>W/</c> ETag does not
    /// count).
    /// </summary>
    public static DownloadValidator? Of(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.ETag is { IsWeak: false } tag) return new DownloadValidator(ETag, tag.Tag);
        if (response.Content.Headers.LastModified is { } date)
            return new DownloadValidator(LastModified, date.ToString("r", CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>
    /// The validator remembered in <paramref name="path"/>, or null when there is none or it cannot be read as one.
    /// </summary>
    public static DownloadValidator? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var line = File.ReadAllText(path).Trim();
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var validator = new DownloadValidator(line[..colon].Trim(), line[(colon + 1)..].Trim());
        return validator.Header switch
        {
            ETag when EntityTagHeaderValue.TryParse(validator.Value, out var tag) && !tag.IsWeak => validator,
            LastModified when validator.Date is not null => validator,
            _ => null,
        };
    }

    /// <summary>Remembers it in <paramref name="path"/>, whole or not at all.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, $"{Header}: {Value}\n");

    /// <summary>
    /// Asks for the rest of this version only: <c>If-Range</c> makes the server answer 200 with the whole file if it
    /// changed.
    /// </summary>
    public void AddIfRange(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.IfRange = Date is { } date
            ? new RangeConditionHeaderValue(date)
            : new RangeConditionHeaderValue(new EntityTagHeaderValue(Value));
    }

    /// <summary>Whether the response says it is this version: it carries the same header with the same value.</summary>
    public bool Matches(HttpResponseMessage response) => Carried(response) is { } value && value == Value;

    /// <summary>
    /// Whether the response says it is another version: it carries the same header with another value.
    /// </summary>
    public bool Contradicts(HttpResponseMessage response) => Carried(response) is { } value && value != Value;

    private string? Carried(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Header == ETag) return response.Headers.ETag is { IsWeak: false } tag ? tag.Tag : null;
        return response.Content.Headers.LastModified?.ToString("r", CultureInfo.InvariantCulture);
    }

    private DateTimeOffset? Date =>
        Header == LastModified
            && DateTimeOffset.TryParseExact(Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
            out var date)
            ? date : null;
}
