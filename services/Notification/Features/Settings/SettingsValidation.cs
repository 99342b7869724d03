using Opco.Notification.Domain;

namespace Opco.Notification.Features.Settings;

/// <summary>Checks every line before anything is saved, with one French message per faulty field.</summary>
public static class SettingsValidation
{
    public static Dictionary<string, string[]> Errors(UpdateSettings.Request request, out List<UpdateSettings.Change> changes)
    {
        var errors = new Dictionary<string, string[]>();
        changes = [];
        if (request.Kinds is not { Count: > 0 } kinds)
        {
            errors["kinds"] = ["Indiquez au moins un type de notification."];
            return errors;
        }
        for (var i = 0; i < kinds.Count; i++)
        {
            var line = kinds[i];
            var prefix = $"kinds[{i}]";
            if (!TryParseName<NotificationKind>(line.Kind, out var kind))
                errors[$"{prefix}.kind"] = ["Ce type de notification n'existe pas."];
            else if (changes.Any(c => c.Kind == kind))
                errors[$"{prefix}.kind"] = ["Ce type de notification est indiqué plusieurs fois."];
            if (line.InPortal is null) errors[$"{prefix}.inPortal"] = ["Indiquez si la notification doit apparaître dans le portail."];
            if (line.EmailAlerts is null) errors[$"{prefix}.emailAlerts"] = ["Indiquez si vous souhaitez recevoir des alertes par email."];
            if (!TryParseName<AlertFrequency>(line.Frequency, out var frequency))
                errors[$"{prefix}.frequency"] = ["La fréquence doit être Immediate, Daily ou Weekly."];
            if (!errors.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)))
                changes.Add(new UpdateSettings.Change(kind, line.InPortal!.Value, line.EmailAlerts!.Value, frequency));
        }
        return errors;
    }

    /// <summary>Only the exact names: Enum.TryParse alone would also take numbers such as "1".</summary>
    private static bool TryParseName<T>(string? name, out T value) where T : struct, Enum
    {
        value = default;
        return name is not null && Enum.GetNames<T>().Contains(name) && Enum.TryParse(name, out value);
    }
}
