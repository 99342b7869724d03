using System.Globalization;
using System.Text;

namespace Opco.SharedKernel.Documents;

/// <summary>
/// A text PDF (PDF 1.4, the standard Helvetica fonts in WinAnsi encoding, so French accents, « », – and € print
/// without embedding a font). Enough for a letter such as the « accord de prise en charge », or a statement of several
/// pages with simple columns; a new page starts when one is full. No package needed.
/// </summary>
public sealed class SimplePdf
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 56;
    private readonly List<(IReadOnlyList<(double X, string Text)> Cells, bool Bold, double Size, double Gap)> _lines = [];

    public SimplePdf Title(string text) => Add(text, bold: true, size: 16, gap: 28);

    public SimplePdf Heading(string text) => Add(text, bold: true, size: 11.5, gap: 22);

    /// <summary>A paragraph, wrapped to the page width.</summary>
    public SimplePdf Text(string text, bool bold = false)
    {
        foreach (var line in Wrap(text, 92)) Add(line, bold, 10.5, 14.5);
        return this;
    }

    public SimplePdf Space() => Add("", false, 10.5, 8);

    /// <summary>
    /// A table row: the first cell takes <paramref name="firstWidth"/> of the width (cut to fit), the others share the
    /// rest in equal columns.
    /// </summary>
    public SimplePdf Columns(IReadOnlyList<string> cells, bool bold = false, double firstWidth = 0.36)
    {
        if (cells.Count == 0) return this;
        var width = PageWidth - 2 * Margin;
        var first = cells.Count == 1 ? width : width * firstWidth;
        var other = cells.Count == 1 ? 0 : (width - first) / (cells.Count - 1);
        var firstChars = (int)(first / 5.2);
        var placed = cells.Select((text, i) => (i == 0 ? Margin : Margin + first + (i - 1) * other,
            i == 0 && text.Length > firstChars ? text[..Math.Max(1, firstChars - 1)] + "…" : text)).ToList();
        _lines.Add((placed, bold, 9, 13));
        return this;
    }

    private SimplePdf Add(string text, bool bold, double size, double gap)
    {
        _lines.Add(([(Margin, text)], bold, size, gap));
        return this;
    }

    public byte[] Build()
    {
        var pages = new List<StringBuilder> { new() };
        var y = PageHeight - Margin;
        foreach (var (cells, bold, size, gap) in _lines)
        {
            y -= gap;
            if (y < Margin)
            {
                pages.Add(new StringBuilder());
                y = PageHeight - Margin - gap;
            }
            foreach (var (x, text) in cells)
            {
                pages[^1].Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {size:0.##} Tf {x:0.##} {y:0.##} Td (");
                pages[^1].Append(Escape(text)).Append(") Tj ET\n");
            }
        }

        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => output.Write(Encoding.ASCII.GetBytes(s));
        void Object(string body)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        // Objects: 1 catalog, 2 page tree, 3 and 4 the fonts, then each page and its content stream.
        Write("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        var kids = string.Join(' ', pages.Select((_, i) => $"{5 + 2 * i} 0 R"));
        Object($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        foreach (var page in pages)
        {
            Object(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {offsets.Count + 2} 0 R >>"));
            var stream = WinAnsi(page.ToString());
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n<< /Length {stream.Length} >>\nstream\n");
            output.Write(stream);
            Write("\nendstream\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        yield return line.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    /// <summary>Windows-1252 as the standard fonts read it: Latin-1, plus € ’ œ Œ – — … where Windows puts them.</summary>
    private static byte[] WinAnsi(string text) => [.. text.Select(c => c switch
    {
        '€' => (byte)0x80,
        '’' => (byte)0x92,
        'œ' => (byte)0x9C,
        'Œ' => (byte)0x8C,
        '–' => (byte)0x96,
        '—' => (byte)0x97,
        '…' => (byte)0x85,
        '\u202F' or '\u00A0' => (byte)0x20,
        _ when c <= 0xFF && c is not (>= '\u0080' and <= '\u009F') => (byte)c,
        _ => (byte)'?',
    })];
}
