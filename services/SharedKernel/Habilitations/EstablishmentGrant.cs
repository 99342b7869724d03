namespace Opco.SharedKernel.Habilitations;

/// <summary>"Choisissez un établissement +" then the ticked accesses: validated into a SIRET and a set of habilitations.</summary>
public sealed record EstablishmentGrant(string? Siret, string[]? Habilitations)
{
    public (string? Siret, List<Habilitation> Habilitations) Validate(string field, FieldErrors errors, bool allowEmpty)
    {
        if (!SharedKernel.Siret.TryParse(Siret, out var siret))
        {
            errors.Add(field, "Choisissez un établissement valide (SIRET de 14 chiffres).");
            return (null, []);
        }
        var habilitations = new List<Habilitation>();
        foreach (var name in Habilitations ?? [])
        {
            if (HabilitationNames.TryParse(name, out var habilitation))
                habilitations.Add(habilitation);
            else errors.Add(field, $"L'accès « {name} » n'existe pas.");
        }
        if (habilitations.Count == 0 && !allowEmpty)
            errors.Add(field, $"Cochez au moins un accès pour l'établissement {siret!.Value}.");
        return (siret!.Value, habilitations.Distinct().Order().ToList());
    }
}
