using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Opco.Notification.Domain;

namespace Opco.Notification.Email;

/// <summary>
/// French templates kept as files: <c>{name}.subject.txt</c>, <c>{name}.html</c> and <c>{name}.txt</c>, wrapped in
/// one shared layout so every e-mail looks the same. <c>{{key}}</c> placeholders are HTML-encoded in the HTML part;
/// <c>{{{key}}}</c> inserts markup the caller has built and encoded itself (a list, say).
/// </summary>
public sealed partial class EmailTemplates(string directory)
{
    private readonly ConcurrentDictionary<string, string> _files = new();

    public static EmailTemplates FromOutputDirectory() => new(Path.Combine(AppContext.BaseDirectory, "Email", "Templates"));

    public RenderedEmail Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var subject = Fill(Read($"{template}.subject.txt").Trim(), values, encode: false);
        var html = Fill(Read("_layout.html"), new Dictionary<string, string>
        {
            ["subject"] = subject,
            ["content"] = Fill(Read($"{template}.html"), values, encode: true),
        }, encode: false, encodeKeys: ["subject"]);
        var text = Fill(Read("_layout.txt"), new Dictionary<string, string>
        {
            ["content"] = Fill(Read($"{template}.txt"), values, encode: false),
        }, encode: false);
        return new RenderedEmail(template, subject, html, text);
    }

    private string Read(string file) =>
        _files.GetOrAdd(file, name => File.ReadAllText(Path.Combine(directory, name)));

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool encode, string[]? encodeKeys = null) =>
        Placeholder().Replace(text, match =>
        {
            var raw = match.Groups[1].Success;
            var key = raw ? match.Groups[1].Value : match.Groups[2].Value;
            if (!values.TryGetValue(key, out var value))
                throw new InvalidOperationException($"The e-mail template needs a value for '{key}'.");
            return !raw && (encode || (encodeKeys?.Contains(key) ?? false)) ? WebUtility.HtmlEncode(value) : value;
        });

    [GeneratedRegex(@"\{\{\{\s*([A-Za-z0-9_]+)\s*\}\}\}|\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
