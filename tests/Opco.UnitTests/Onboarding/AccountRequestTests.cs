using Opco.Onboarding.Domain;

namespace Opco.UnitTests.Onboarding;

public sealed class AccountRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static AccountRequestForm ValidForm() =>
        new("Dupont", "Jeanne", "732 829 320 00074", "Jeanne.Dupont@Example.fr", "jeanne.dupont@example.fr");

    [Fact]
    public void A_complete_form_makes_a_pending_request_with_normalised_values()
    {
        var (request, errors) = AccountRequest.Submit(ValidForm(), Now);

        Assert.True(errors.IsEmpty);
        Assert.NotNull(request);
        Assert.Equal(AccountRequestStatus.Pending, request.Status);
        Assert.Equal("73282932000074", request.Siret);
        Assert.Equal("jeanne.dupont@example.fr", request.Email);
        Assert.Equal(Now, request.SubmittedAt);
    }

    [Fact]
    public void Every_missing_field_gets_its_own_french_message()
    {
        var (request, errors) = AccountRequest.Submit(new AccountRequestForm(null, " ", "", null, null), Now);

        Assert.Null(request);
        var messages = errors.ToDictionary();
        Assert.Equal(["Le nom est obligatoire."], messages["lastName"]);
        Assert.Equal(["Le prénom est obligatoire."], messages["firstName"]);
        Assert.Equal(["Le SIRET de votre établissement est obligatoire."], messages["siret"]);
        Assert.Equal(["L'email est obligatoire."], messages["email"]);
        Assert.Equal(["La confirmation de l'email est obligatoire."], messages["emailConfirmation"]);
    }

    [Theory]
    [InlineData("73282932000079", "Ce numéro SIRET n'existe pas : vérifiez sa saisie.")]
    [InlineData("7328293200", "Le SIRET doit comporter 14 chiffres.")]
    public void A_bad_siret_is_explained(string siret, string message)
    {
        var (_, errors) = AccountRequest.Submit(ValidForm() with { Siret = siret }, Now);
        Assert.Equal([message], errors.ToDictionary()["siret"]);
    }

    [Fact]
    public void Different_emails_are_refused_on_the_confirmation_field()
    {
        var (_, errors) = AccountRequest.Submit(ValidForm() with { EmailConfirmation = "autre@example.fr" }, Now);
        Assert.Equal(["La confirmation de l'email ne correspond pas à l'email saisi."], errors.ToDictionary()["emailConfirmation"]);
        Assert.False(errors.Has("email"));
    }

    [Fact]
    public void An_invalid_email_is_refused()
    {
        var (_, errors) = AccountRequest.Submit(ValidForm() with { Email = "jeanne", EmailConfirmation = "jeanne" }, Now);
        Assert.Equal(["L'email n'est pas une adresse valide."], errors.ToDictionary()["email"]);
    }

    [Fact]
    public void Names_longer_than_the_limit_are_refused()
    {
        var (_, errors) = AccountRequest.Submit(ValidForm() with { LastName = new string('x', AccountRequest.NameMaxLength + 1) }, Now);
        Assert.Equal(["Le nom ne doit pas dépasser 100 caractères."], errors.ToDictionary()["lastName"]);
    }
}
