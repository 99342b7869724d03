using Opco.SharedKernel.Habilitations;

namespace Opco.Notification.Email;

/// <summary>Habilitations travel as their codes; the user reads their French labels, on one line.</summary>
public static class HabilitationList
{
    public const string None = "aucune";

    public static string Format(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? None : string.Join(", ", codes.Select(code => HabilitationLabels.Of(Enum.Parse<Habilitation>(code))));
}
