using Opco.Identity.Features.Staff;

namespace Opco.UnitTests.Identity;

public sealed class SemicolonCsvTests
{
    [Fact]
    public void Reads_french_spreadsheet_exports_with_quotes_and_a_byte_order_mark()
    {
        var rows = SemicolonCsv.Parse("\uFEFFEmail;Nom;Fonction\r\na@x.fr;Dupont;\"DRH; paie\"\r\nb@x.fr;\"L'\"\"As\"\"\";\r\n\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(("a@x.fr", "Dupont", "DRH; paie"), (rows[0]["email"], rows[0]["NOM"], rows[0]["fonction"]));
        Assert.Equal(("L'\"As\"", ""), (rows[1]["nom"], rows[1]["fonction"]));
    }

    [Fact]
    public void A_line_shorter_than_the_header_has_empty_values_and_no_header_means_no_rows()
    {
        Assert.Equal("", SemicolonCsv.Parse("a;b;c\n1;2")[0]["c"]);
        Assert.Empty(SemicolonCsv.Parse(""));
    }
}
