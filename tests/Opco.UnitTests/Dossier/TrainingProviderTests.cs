using System.Security.Cryptography;
using System.Text;
using Opco.Dossier.Domain;
using Opco.Api.Security;
using Opco.SharedKernel;

namespace Opco.UnitTests.Dossier;

public sealed class TrainingProviderTests
{
    private const string Secret = "a-test-secret-of-more-than-thirty-two-characters";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Creator = Guid.NewGuid();
    private readonly AesGcmIbanProtector _protector = new(Secret, "opco-dossier-iban");

    private static TrainingProviderForm ValidForm(string? iban = "FR76 3000 6000 0112 3456 7890 189") =>
        new("732 829 320 00074", "11 75 12345 67", "Formations Élan de l'Ouest", "12 rue des Écoles", "44000", "Nantes", true, iban);

    [Fact]
    public void A_complete_form_makes_a_provider_with_digits_only_a_search_name_and_the_iban_encrypted_and_masked()
    {
        var (provider, errors) = TrainingProvider.Create(ValidForm(), _protector, Creator, Now);

        Assert.True(errors.IsEmpty);
        Assert.Equal("73282932000074", provider!.Siret);
        Assert.Equal("11751234567", provider.Nda);
        Assert.Equal("formations elan de l ouest", provider.SearchName);
        Assert.True(provider.IsQualiopiCertified);
        Assert.Equal("FR76 •••• •••• 0189", provider.MaskedIban);
        Assert.DoesNotContain("30006000011234567890", Encoding.ASCII.GetString(provider.EncryptedIban!));
        Assert.Equal("FR7630006000011234567890189", _protector.Unprotect(provider.EncryptedIban!).Value);
    }

    [Fact]
    public void The_iban_is_optional_until_a_subrogation_needs_it()
    {
        var (provider, errors) = TrainingProvider.Create(ValidForm(iban: " "), _protector, Creator, Now);

        Assert.True(errors.IsEmpty);
        Assert.Null(provider!.EncryptedIban);
        Assert.Null(provider.MaskedIban);
    }

    [Fact]
    public void An_administrator_records_a_new_iban_who_and_when_included_but_never_removes_one()
    {
        var (provider, _) = TrainingProvider.Create(ValidForm(iban: null), _protector, Creator, Now);
        var administrator = Guid.NewGuid();

        Assert.Equal(["L'IBAN est obligatoire."], provider!.ChangeIban(" ", _protector, administrator, Now.AddDays(1)).ToDictionary()["iban"]);
        Assert.Equal(["Cet IBAN n'est pas valide : vérifiez sa saisie."],
            provider.ChangeIban("FR76 3000 6000 0112 3456 7890 188", _protector, administrator, Now.AddDays(1)).ToDictionary()["iban"]);
        Assert.Null(provider.MaskedIban);
        Assert.Null(provider.IbanChangedAt);

        Assert.True(provider.ChangeIban("FR14 2004 1010 0505 0001 3M02 606", _protector, administrator, Now.AddDays(1)).IsEmpty);
        Assert.Equal(("FR14 •••• •••• 2606", administrator, Now.AddDays(1)), (provider.MaskedIban, provider.IbanChangedBy, provider.IbanChangedAt));
        Assert.Equal("FR1420041010050500013M02606", _protector.Unprotect(provider.EncryptedIban!).Value);
    }

    [Fact]
    public void Every_wrong_field_gets_its_french_message_and_nothing_is_created()
    {
        var form = new TrainingProviderForm("73282932000079", "1175123456", " ", "", "4400", "", null, "FR7630006000011234567890188");

        var (provider, errors) = TrainingProvider.Create(form, _protector, Creator, Now);

        Assert.Null(provider);
        var messages = errors.ToDictionary();
        Assert.Equal("Ce numéro SIRET n'existe pas : vérifiez sa saisie.", messages["siret"].Single());
        Assert.Equal("Le numéro de déclaration d'activité (NDA) doit comporter 11 chiffres.", messages["nda"].Single());
        Assert.Equal("La raison sociale est obligatoire.", messages["name"].Single());
        Assert.Equal("L'adresse est obligatoire.", messages["address"].Single());
        Assert.Equal("Le code postal doit comporter 5 chiffres.", messages["postalCode"].Single());
        Assert.Equal("La ville est obligatoire.", messages["city"].Single());
        Assert.Equal("Indiquez si l'organisme est certifié Qualiopi.", messages["isQualiopiCertified"].Single());
        Assert.Equal("Cet IBAN n'est pas valide : vérifiez sa saisie.", messages["iban"].Single());
    }

    [Fact]
    public void An_encrypted_iban_differs_each_time_and_opens_only_with_its_key_and_unaltered()
    {
        Iban.TryParse("FR7630006000011234567890189", out var iban);

        var first = _protector.Protect(iban!);
        var second = _protector.Protect(iban!);

        Assert.NotEqual(first, second);
        Assert.Equal(iban, _protector.Unprotect(second));
        Assert.ThrowsAny<CryptographicException>(() => new AesGcmIbanProtector(Secret + "-other", "opco-dossier-iban").Unprotect(first));
        first[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(first));
    }

    [Fact]
    public void A_short_secret_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AesGcmIbanProtector("too-short", "opco-dossier-iban", "Dossier:IbanEncryptionKey"));
        Assert.Contains("IbanEncryptionKey", error.Message);
    }
}
