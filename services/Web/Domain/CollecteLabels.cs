using System.Globalization;
using Opco.SharedKernel.Habilitations;
using Opco.Web.Api;

namespace Opco.Web.Domain;

/// <summary>How the collecte's screens write a rate and a headcount band.</summary>
public static class CollecteLabels
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>0.0020 → « 0,20 % ».</summary>
    public static string Percent(decimal rate) => (rate * 100).ToString("0.00##", French) + " %";

    public static string Number(decimal value) => value.ToString("#,##0.##", French);

    /// <summary>The establishments offered for a collecte page: the user's, where they hold its functionality, open ones first.</summary>
    public static IReadOnlyList<MyEstablishment> Choices(PortalRights rights, Functionality functionality) =>
        [.. rights.EstablishmentsAllowing(functionality).OrderBy(e => e.IsClosed).ThenByDescending(e => e.IsPreferred).ThenBy(e => e.Name)];
}
