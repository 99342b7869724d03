namespace Opco.SharedKernel.Habilitations;

/// <summary>Habilitations as APIs, events and copies carry them: by code ("PriseEnCharge"), whatever the case.</summary>
public static class HabilitationNames
{
    public static bool TryParse(string? code, out Habilitation habilitation) => EnumCodes.TryParse(code, out habilitation);

    /// <summary>The known ones; a code this build does not know yet (a newer identity) grants nothing rather than failing.</summary>
    public static Habilitation[] Parse(IEnumerable<string> codes) =>
        [.. codes.Select(code => TryParse(code, out var habilitation) ? habilitation : (Habilitation?)null).OfType<Habilitation>()];
}
