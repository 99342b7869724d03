using System.Text.Json;
using Opco.SharedKernel.Habilitations;

namespace Opco.Web.Domain;

/// <summary>Turns identity's audit entries (action codes, JSON snapshots before/after) into French sentences.</summary>
public static class AuditDescription
{
    public static string ActionLabel(string action) => action switch
    {
        "UserCreated" => "Création du compte",
        "PersonalDataEdited" => "Modification des informations personnelles",
        "OwnPersonalDataEdited" => "Modification de ses informations par l'utilisateur",
        "HabilitationsChanged" => "Modification des accès",
        "EstablishmentDetached" => "Retrait d'un établissement",
        "UserDeactivated" => "Désactivation",
        "UserReactivated" => "Réactivation",
        "UserDeleted" => "Suppression",
        _ => action,
    };

    /// <summary>One line per value that changed ("Nom : Dupont → Durand"); for a creation, what the account holds.</summary>
    public static IReadOnlyList<string> Changes(string? before, string? after)
    {
        var old = Parse(before);
        var @new = Parse(after);
        var lines = new List<string>();
        foreach (var (field, label) in Fields)
        {
            var from = Text(old, field);
            var to = Text(@new, field);
            if (from != to) lines.Add(old is null ? $"{label} : {to}" : @new is null ? $"{label} : {from}" : $"{label} : {from} → {to}");
        }
        var fromAccesses = Accesses(old);
        var toAccesses = Accesses(@new);
        foreach (var siret in fromAccesses.Keys.Union(toAccesses.Keys).Order())
        {
            var from = fromAccesses.GetValueOrDefault(siret);
            var to = toAccesses.GetValueOrDefault(siret);
            if (from == to) continue;
            lines.Add(from is null ? $"Accès sur {siret} : {to}" : to is null ? $"Accès retirés sur {siret} (avant : {from})" : $"Accès sur {siret} : {from} → {to}");
        }
        return lines;
    }

    private static readonly (string Field, string Label)[] Fields =
    [
        ("Civility", "Civilité"), ("LastName", "Nom"), ("FirstName", "Prénom"), ("Email", "Email"), ("Phone", "Téléphone"),
        ("Function", "Fonction"), ("IsActive", "Actif"),
    ];

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonDocument.Parse(json).RootElement; }
        catch (JsonException) { return null; }
    }

    private static string Text(JsonElement? state, string field)
    {
        if (state is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty(field, out var value)) return "";
        return value.ValueKind switch
        {
            JsonValueKind.True => "Oui",
            JsonValueKind.False => "Non",
            JsonValueKind.Null => "",
            _ => value.ToString(),
        };
    }

    private static Dictionary<string, string> Accesses(JsonElement? state)
    {
        var result = new Dictionary<string, string>();
        if (state is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty("Establishments", out var establishments)
            || establishments.ValueKind != JsonValueKind.Object) return result;
        foreach (var establishment in establishments.EnumerateObject())
            result[establishment.Name] = string.Join(", ", establishment.Value.EnumerateArray()
                .Select(h => HabilitationNames.TryParse(h.GetString(), out var parsed) ? HabilitationLabels.Of(parsed) : h.GetString()));
        return result;
    }
}
