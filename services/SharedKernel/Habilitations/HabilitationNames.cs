namespace Opco.SharedKernel.Habilitations;

/// <summary>Habilitations as events and copies carry them: by code ("PriseEnCharge").</summary>
public static class HabilitationNames
{
    /// <summary>The known ones; a code this build does not know yet (a newer identity) grants nothing rather than failing.</summary>
    public static Habilitation[] Parse(IEnumerable<string> codes) =>
        [.. codes.Select(code => Enum.TryParse<Habilitation>(code, out var h) && Enum.IsDefined(h) ? h : (Habilitation?)null).OfType<Habilitation>()];
}
