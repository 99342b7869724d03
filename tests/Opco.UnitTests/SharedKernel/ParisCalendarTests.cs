using Opco.SharedKernel;

namespace Opco.UnitTests.SharedKernel;

public sealed class ParisCalendarTests
{
    [Theory]
    // Winter (UTC+1) and summer (UTC+2): a day in Paris starts the evening before in UTC, given in UTC for the database.
    [InlineData("2026-12-03", "2026-12-02T23:00:00+00:00")]
    [InlineData("2027-07-14", "2027-07-13T22:00:00+00:00")]
    public void A_day_starts_at_midnight_in_Paris(string day, string utc)
    {
        var start = ParisCalendar.StartOf(DateOnly.Parse(day));

        Assert.Equal((DateTimeOffset.Parse(utc), TimeSpan.Zero), (start, start.Offset));
        Assert.Equal(DateOnly.Parse(day), ParisCalendar.DateOf(start));
        Assert.Equal(DateOnly.Parse(day).AddDays(-1), ParisCalendar.DateOf(start.AddTicks(-1)));
    }
}
