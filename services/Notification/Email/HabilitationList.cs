using Opco.SharedKernel.Habilitations;

namespace Opco.Notification.Email;

/// <summary>Habilitations travel as their codes; the user reads their French labels, on one line.</summary>
public static class HabilitationList
{
    public const string None = "aucune";

    /// <summary>An unknown code fails the message (retried, then parked) rather than mailing a list with a hole in it.</summary>
    public static string Format(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? None : string.Join(", ", codes.Select(code => HabilitationNames.TryParse(code, out var habilitation)
            ? HabilitationLabels.Of(habilitation)
            : throw new ArgumentException($"Unknown habilitation code '{code}'.", nameof(codes))));
}
