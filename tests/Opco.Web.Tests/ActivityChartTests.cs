using Opco.Web.Api;
using Opco.Web.Components.Shared;
using Opco.Web.Domain;

namespace Opco.Web.Tests;

/// <summary>The SVG chart of « Suivi financier de l'activité »: two bars a month on a round scale, and the same in words.</summary>
public sealed class ActivityChartTests
{
    private static ActivityLine Month(string label, decimal committed, decimal paid) => new(label, committed, 0m, committed, paid);

    [Theory]
    [InlineData(0, 4, 1)]
    [InlineData(350, 400, 100)]
    [InlineData(1000, 1000, 250)]
    [InlineData(1234.56, 1500, 500)]
    [InlineData(0.07, 0.08, 0.02)]
    public void The_scale_tops_the_largest_value_with_round_steps(decimal max, decimal top, decimal step)
    {
        Assert.Equal(new ChartScale(top, step), ChartScale.For([max / 2, max]));
    }

    [Fact]
    public async Task Each_month_has_its_committed_and_paid_bars_and_the_chart_says_its_figures_in_text()
    {
        await using var ctx = new BunitContext();
        var months = Enumerable.Range(1, 12).Select(m => Month(System.Globalization.CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetMonthName(m), 0m, 0m))
            .ToArray();
        months[1] = Month("février", 1000m, 0m);
        months[2] = Month("mars", 0m, 400m);

        var chart = ctx.Render<CommittedPaidChart>(p => p.Add(c => c.Id, "g").Add(c => c.Title, "Engagé et payé par mois en 2026").Add(c => c.Months, months));

        var svg = chart.Find("svg");
        Assert.Equal(("img", "g-titre", "g-desc"), (svg.GetAttribute("role"), svg.GetAttribute("aria-labelledby"), svg.GetAttribute("aria-describedby")));
        Assert.Equal("Engagé et payé par mois en 2026", chart.Find("svg > title").TextContent);
        Assert.Equal("Sur l'année, engagé 1\u202F000,00 € et payé 400,00 €. Mois avec des mouvements : février : engagé 1\u202F000,00 €, payé 0,00 € ; "
            + "mars : engagé 0,00 €, payé 400,00 €.", chart.Find("desc").TextContent);
        Assert.Equal(12, chart.FindAll("rect.chart-committed").Count);
        Assert.Equal(12, chart.FindAll("rect.chart-paid").Count);
        // February's committed bar reaches the top of the scale (1 000 €); March's paid bar is 40 % of it.
        var full = double.Parse(chart.FindAll("rect.chart-committed")[1].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        var march = double.Parse(chart.FindAll("rect.chart-paid")[2].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0.4, march / full, 2);
        Assert.Equal("0", chart.FindAll("rect.chart-paid")[0].GetAttribute("height"));
        Assert.Contains(chart.FindAll("text"), t => t.TextContent == "févr.");
        Assert.Contains(chart.FindAll("text"), t => t.TextContent == "1 k€");
    }
}
