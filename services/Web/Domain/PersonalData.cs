namespace Opco.Web.Domain;

/// <summary>The personal data form of "Ajouter", "Éditer un utilisateur" and "Mes informations".</summary>
public sealed class PersonalData
{
    public string? Civility { get; set; }
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Function { get; set; }

    public Api.PersonalDataRequest ToRequest() => new(Civility, LastName, FirstName, Phone, Function);

    /// <summary>Phones are stored as +33…; the form shows the national form the seed uses (0600000000).</summary>
    public static string? NationalPhone(string? phone) =>
        phone is { Length: 12 } && phone.StartsWith("+33", StringComparison.Ordinal) ? "0" + phone[3..] : phone;
}
