namespace Opco.Web.Domain;

/// <summary>The value axis of a bar chart: a round top above the largest value, in 4 or 5 round steps (0, 250, 500…).</summary>
public sealed record ChartScale(decimal Top, decimal Step)
{
    public static ChartScale For(IEnumerable<decimal> values)
    {
        var max = values.DefaultIfEmpty(0m).Max();
        if (max <= 0m) return new ChartScale(4m, 1m);
        var rough = (double)max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = (decimal)(new[] { 1d, 2d, 2.5d, 5d, 10d }.Select(f => f * magnitude).First(s => s >= rough));
        return new ChartScale(Math.Ceiling(max / step) * step, step);
    }

    public IEnumerable<decimal> Ticks()
    {
        for (var tick = 0m; tick <= Top; tick += Step) yield return tick;
    }
}
