using System.Text.RegularExpressions;

namespace IdcRepro.Tests.Reporting;

/// <summary>
/// Checks that an HTML page fetches nothing: no remote src/href/url(), every image inline, no script.
/// </summary>
public static partial class SelfContainedHtml
{
    public static void Check(string html, int expectedImages)
    {
        var references = Reference().Matches(html).Select(m => m.Groups["value"].Value).ToList();
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => Remote().IsMatch(r));
        Assert.DoesNotContain(references, r => r.StartsWith("//", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);

        var images = ImageSource().Matches(html).Select(m => m.Groups["value"].Value).ToList();
        Assert.Equal(expectedImages, images.Count);
        Assert.All(images, src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));

        // Links, if any, stay on the page.
        Assert.All(Href().Matches(html).Select(m => m.Groups["value"].Value),
            href => Assert.StartsWith("#", href, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?:\b(?:src|href)\s*=\s*[""']?|url\(\s*[""']?)(?<value>[^""'\s)>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*(?:https?|ftp|wss?):", RegexOptions.IgnoreCase)]
    private static partial Regex Remote();

    [GeneratedRegex(@"<img\b[^>]*?\bsrc\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"\bhref\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
