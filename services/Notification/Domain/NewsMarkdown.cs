using System.Text;
using System.Text.RegularExpressions;

namespace Opco.Notification.Domain;

/// <summary>
/// The Markdown of a news body, as HTML safe to show as is. Our own small subset, so that nothing outside it can reach
/// the page: paragraphs, headings (<c>#</c> to <c>###</c>, shown as h2–h4 under the article's title), <c>**strong**</c>,
/// <c>*emphasis*</c>, lists (<c>-</c>, <c>*</c>, <c>1.</c>) and links to http, https or mailto addresses. Raw HTML is not
/// rendered: tags are dropped (script and style with their content), every other character is HTML-encoded.
/// </summary>
public static partial class NewsMarkdown
{
    private static readonly string[] AllowedSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        string? list = null;

        foreach (var rawLine in WithoutHtml(markdown).Replace("\r\n", "\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (Heading().Match(line) is { Success: true } heading)
            {
                Flush();
                var level = heading.Groups[1].Length + 1;
                html.Append($"<h{level}>").Append(Inline(heading.Groups[2].Value)).Append($"</h{level}>\n");
            }
            else if (ListItem().Match(line) is { Success: true } item)
            {
                FlushParagraph();
                var kind = char.IsDigit(item.Groups[1].Value[0]) ? "ol" : "ul";
                if (list != kind)
                {
                    FlushList();
                    html.Append($"<{kind}>\n");
                    list = kind;
                }
                html.Append("<li>").Append(Inline(item.Groups[2].Value)).Append("</li>\n");
            }
            else if (line.Length == 0) Flush();
            else
            {
                FlushList();
                paragraph.Add(line);
            }
        }
        Flush();
        return html.ToString();

        void Flush()
        {
            FlushParagraph();
            FlushList();
        }

        void FlushParagraph()
        {
            if (paragraph.Count == 0) return;
            html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
            paragraph.Clear();
        }

        void FlushList()
        {
            if (list is null) return;
            html.Append($"</{list}>\n");
            list = null;
        }
    }

    /// <summary>Dropped before anything else, so that no tag or attribute written in the body reaches the page.</summary>
    private static string WithoutHtml(string markdown) => Tag().Replace(Dangerous().Replace(markdown, ""), "");

    private static string Inline(string text)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match link in Link().Matches(text))
        {
            html.Append(Emphasis(text[last..link.Index]));
            var label = Emphasis(link.Groups[1].Value);
            if (IsAllowed(link.Groups[2].Value, out var url))
                html.Append("<a href=\"").Append(Encode(url)).Append("\" rel=\"noopener noreferrer\">").Append(label).Append("</a>");
            else html.Append(label);
            last = link.Index + link.Length;
        }
        return html.Append(Emphasis(text[last..])).ToString();
    }

    /// <summary>Encodes first: the emphasis markers are not HTML, so what they wrap is already encoded.</summary>
    private static string Emphasis(string text) =>
        Em().Replace(Strong().Replace(Encode(text), "<strong>$1</strong>"), "<em>$2</em>");

    /// <summary>The five characters that mean something in HTML; accents stay readable in the stored page.</summary>
    private static string Encode(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    private static bool IsAllowed(string candidate, out string url)
    {
        url = candidate;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && AllowedSchemes.Contains(uri.Scheme)
            && (uri.Scheme == Uri.UriSchemeMailto || uri.Host.Length > 0);
    }

    [GeneratedRegex(@"^(#{1,3})\s+(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^([-*]|\d{1,3}\.)\s+(.+)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[([^\]\n]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])([*_])(?![\s*_])(.+?)(?<![\s*_])\1(?![\w*])")]
    private static partial Regex Em();

    [GeneratedRegex(@"<\s*(script|style|iframe|object|template)\b.*?(<\s*/\s*\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Dangerous();

    [GeneratedRegex(@"<!--.*?(-->|$)|</?[a-zA-Z][^>]*(>|$)", RegexOptions.Singleline)]
    private static partial Regex Tag();
}
