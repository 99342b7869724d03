using System.Globalization;
using System.Text;

namespace Opco.SharedKernel.Documents;

/// <summary>
/// A one-page text PDF (PDF 1.4, the standard Helvetica fonts in WinAnsi encoding, so French accents, « », – and € print
/// without embedding a font). Enough for a letter such as the « accord de prise en charge »; no package needed.
/// </summary>
public sealed class SimplePdf
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 56;
    private readonly List<(string Text, bool Bold, double Size, double Gap)> _lines = [];

    public SimplePdf Title(string text) => Add(text, bold: true, size: 16, gap: 28);

    public SimplePdf Heading(string text) => Add(text, bold: true, size: 11.5, gap: 22);

    /// <summary>A paragraph, wrapped to the page width.</summary>
    public SimplePdf Text(string text, bool bold = false)
    {
        foreach (var line in Wrap(text, 92)) Add(line, bold, 10.5, 14.5);
        return this;
    }

    public SimplePdf Space() => Add("", false, 10.5, 8);

    private SimplePdf Add(string text, bool bold, double size, double gap)
    {
        _lines.Add((text, bold, size, gap));
        return this;
    }

    public byte[] Build()
    {
        var content = new StringBuilder();
        var y = PageHeight - Margin;
        foreach (var (text, bold, size, gap) in _lines)
        {
            y -= gap;
            if (y < Margin) break;
            content.Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {size:0.##} Tf {Margin:0.##} {y:0.##} Td (");
            content.Append(Escape(text)).Append(") Tj ET\n");
        }
        var stream = WinAnsi(content.ToString());

        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => output.Write(Encoding.ASCII.GetBytes(s));
        void Object(string body)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object(string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"));
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        offsets.Add(output.Position);
        Write($"6 0 obj\n<< /Length {stream.Length} >>\nstream\n");
        output.Write(stream);
        Write("\nendstream\nendobj\n");
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
