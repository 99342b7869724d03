using Opco.Notification.Domain;

namespace Opco.UnitTests.Notification;

/// <summary>A news body's Markdown: the allowed subset renders, nothing else of HTML reaches the page.</summary>
public sealed class NewsMarkdownTests
{
    [Fact]
    public void Paragraphs_headings_emphasis_and_lists_render()
    {
        var html = NewsMarkdown.ToHtml("# Titre\n\nUn **gras** et un *italique*\nsur deux lignes.\n\n- un\n- deux\n\n1. premier\n2. second\n\n### Fin");

        Assert.Equal(
            "<h2>Titre</h2>\n<p>Un <strong>gras</strong> et un <em>italique</em> sur deux lignes.</p>\n" +
            "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n<ol>\n<li>premier</li>\n<li>second</li>\n</ol>\n<h4>Fin</h4>\n", html);
    }

    [Theory]
    [InlineData("[le site](https://www.opco-demo.fr/a?b=1&c=2)", "<a href=\"https://www.opco-demo.fr/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">le site</a>")]
    [InlineData("[http](http://exemple.fr)", "<a href=\"http://exemple.fr/\" rel=\"noopener noreferrer\">http</a>")]
    [InlineData("[écrire](mailto:conseiller@opco-demo.fr)", "<a href=\"mailto:conseiller@opco-demo.fr\" rel=\"noopener noreferrer\">écrire</a>")]
    public void Links_to_http_https_and_mailto_render(string markdown, string link) =>
        Assert.Equal($"<p>{link}</p>\n", NewsMarkdown.ToHtml(markdown).Replace("http://exemple.fr\"", "http://exemple.fr/\""));

    [Theory]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](JaVaScRiPt:alert(1))")]
    [InlineData("[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[clic](vbscript:msgbox)")]
    [InlineData("[clic](&#106;avascript:alert(1))")]
    [InlineData("[clic](//evil.example/x)")]
    public void Other_link_schemes_keep_their_text_without_a_link(string markdown)
    {
        var html = NewsMarkdown.ToHtml(markdown);

        Assert.StartsWith("<p>clic", html);
        Assert.DoesNotContain("<a", html);
    }

    [Theory]
    [InlineData("Avant <script>alert('x')</script> après")]
    [InlineData("Avant <SCRIPT src=\"https://evil.example/x.js\"></SCRIPT> après")]
    [InlineData("Avant <script>alert(1) après")]
    [InlineData("Avant <img src=x onerror=alert(1)> après")]
    [InlineData("Avant <a href=\"javascript:alert(1)\" onclick=\"alert(1)\">lien</a> après")]
    [InlineData("Avant <div style=\"x\" onmouseover=alert(1)>bloc</div> après")]
    [InlineData("Avant <iframe src=\"https://evil.example\"></iframe> après")]
    [InlineData("Avant <!-- <script>alert(1)</script> --> après")]
    [InlineData("Avant <svg/onload=alert(1)> après")]
    public void Raw_html_never_reaches_the_page(string markdown)
    {
        var html = NewsMarkdown.ToHtml(markdown);

        Assert.StartsWith("<p>Avant", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<div", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<svg", html);
        // Only the subset's own tags are left.
        Assert.Matches(@"^(?:[^<]|</?(?:p|strong|em)>)*$", html);
    }

    [Fact]
    public void Characters_that_mean_something_in_html_are_encoded()
    {
        var html = NewsMarkdown.ToHtml("Prix < 100 € & \"taxes\" l'été > 0");

        Assert.Equal("<p>Prix &lt; 100 € &amp; &quot;taxes&quot; l&#39;été &gt; 0</p>\n", html);
    }

    [Fact]
    public void A_link_address_cannot_leave_its_attribute()
    {
        var html = NewsMarkdown.ToHtml("[x](https://exemple.fr/\"onmouseover=\"alert(1))");

        Assert.DoesNotContain("\"onmouseover", html);
        Assert.Contains("href=\"https://exemple.fr/&quot;onmouseover=&quot;alert(1\"", html);
    }
}
