namespace Opco.IntegrationTests.Support;

public static class AccountRequestPayloads
{
    public const string ValidSiret = "73282932000074";

    public static Dictionary<string, string?> Valid(string email) => new()
    {
        ["lastName"] = "Dupont",
        ["firstName"] = "Jeanne",
        ["siret"] = "732 829 320 00074",
        ["email"] = email,
        ["emailConfirmation"] = email.ToUpperInvariant(),
    };
}
