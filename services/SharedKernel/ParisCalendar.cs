namespace Opco.SharedKernel;

/// <summary>Which day it is for the portal's users: rules on dates (entry, exit, start of a training) count in Paris time.</summary>
public static class ParisCalendar
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The day it was in Paris at that moment.</summary>
    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Paris).DateTime);

    /// <summary>The moment a day begins in Paris (midnight there), in UTC as the database takes moments.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Paris.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
