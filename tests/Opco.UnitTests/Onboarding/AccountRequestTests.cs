using Opco.Onboarding.Domain;
using Opco.SharedKernel.Habilitations;

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

    private static AccountRequestForm Wizard() =>
        new("Debuire", "Isabelle", "73282932000074", "i.debuire@example.fr", null, "Wizard", "Madame", "Project manager", "06 00 00 00 00",
            "Administrateur de l'établissement");

    [Fact]
    public void The_wizard_keeps_civility_job_title_phone_and_role_with_the_role_habilitations_as_suggestion()
    {
        var (request, errors) = AccountRequest.Submit(Wizard(), Now);

        Assert.True(errors.IsEmpty);
        Assert.Equal((RequestForm.Wizard, "Madame", "Project manager", "+33600000000"), (request!.Form, request.Civility, request.JobTitle, request.Phone));
        Assert.Equal("Administrateur de l'établissement", request.Role!.Label);
        Assert.Equal([Habilitation.Gestionnaire], request.SuggestedHabilitations);
    }

    [Fact]
    public void The_wizard_requires_its_own_fields_but_not_the_confirmation()
    {
        var (request, errors) = AccountRequest.Submit(Wizard() with { Civility = "Docteur", JobTitle = " ", Phone = null, Role = "" }, Now);

        Assert.Null(request);
        var messages = errors.ToDictionary();
        Assert.Equal(["La civilité est obligatoire (Monsieur ou Madame)."], messages["civility"]);
        Assert.Equal(["La fonction est obligatoire."], messages["jobTitle"]);
        Assert.Equal(["Le téléphone est obligatoire."], messages["phone"]);
        Assert.Equal(["Le rôle souhaité est obligatoire."], messages["role"]);
        Assert.False(errors.Has("emailConfirmation"));
    }

    [Theory]
    [InlineData("0123", "phone", "Le téléphone doit être un numéro français : 0 suivi de 9 chiffres, ou +33 suivi de 9 chiffres.")]
    [InlineData("Stagiaire", "role", "Choisissez un rôle dans la liste.")]
    public void A_wrong_wizard_value_is_explained(string value, string field, string message)
    {
        var form = field == "phone" ? Wizard() with { Phone = value } : Wizard() with { Role = value };
        Assert.Equal([message], AccountRequest.Submit(form, Now).Errors.ToDictionary()[field]);
    }

    [Fact]
    public void An_unknown_form_is_refused_and_no_form_means_the_defi_one()
    {
        Assert.Equal(["Le formulaire doit être « Defi » ou « Wizard »."], AccountRequest.Submit(ValidForm() with { Form = "Papier" }, Now).Errors.ToDictionary()["form"]);
        Assert.Equal(RequestForm.Defi, AccountRequest.Submit(ValidForm(), Now).Request!.Form);
    }

    [Fact]
    public void A_new_request_is_an_opening_until_the_email_is_known_and_its_history_starts_pending()
    {
        var request = AccountRequest.Submit(ValidForm(), Now).Request!;
        Assert.Equal(AccountRequestKind.Opening, request.Kind);
        request.MarkForExistingAccount();
        Assert.Equal(("Rattachement", AccountRequestStatus.Pending, "DUPONT Jeanne"),
            (AccountRequestKinds.Label(request.Kind), request.History.Single().Status, request.History.Single().ByName));
    }

    [Fact]
    public void A_refusal_needs_a_reason_and_a_decided_request_cannot_be_decided_again()
    {
        var request = AccountRequest.Submit(ValidForm(), Now).Request!;
        var by = Guid.NewGuid();

        Assert.Equal(["Le motif du refus est obligatoire : il est envoyé au demandeur."], request.Refuse("  ", by, "MARTIN Paul", Now).ToDictionary()["reason"]);
        Assert.True(request.AwaitsDecision);
        Assert.True(request.Refuse(" Vous ne faites pas partie de l'entreprise. ", by, "MARTIN Paul", Now.AddHours(1)).IsEmpty);
        Assert.Equal((AccountRequestStatus.Refused, "Vous ne faites pas partie de l'entreprise."), (request.Status, request.RefusalReason));
        Assert.False(request.Accept(by, "MARTIN Paul", Now.AddHours(2)));
        Assert.Equal([AccountRequestStatus.Pending, AccountRequestStatus.Refused], request.History.Select(h => h.Status));
        Assert.Equal("Vous ne faites pas partie de l'entreprise.", request.History[^1].Reason);
    }

    [Fact]
    public void A_reminder_is_due_once_per_delay_while_pending()
    {
        var request = AccountRequest.Submit(ValidForm(), Now).Request!;
        var week = TimeSpan.FromDays(7);

        Assert.False(request.IsReminderDue(Now.AddDays(6), week));
        Assert.True(request.IsReminderDue(Now.AddDays(7), week));
        request.MarkReminded(Now.AddDays(7));
        Assert.False(request.IsReminderDue(Now.AddDays(13), week));
        Assert.True(request.IsReminderDue(Now.AddDays(14), week));
        request.Accept(Guid.NewGuid(), "MARTIN Paul", Now.AddDays(14));
        Assert.False(request.IsReminderDue(Now.AddDays(30), week));
    }

    [Fact]
    public void Approval_is_carried_out_once_or_fails_back_to_a_decision_with_its_reason()
    {
        var request = AccountRequest.Submit(ValidForm(), Now).Request!;
        var by = Guid.NewGuid();

        Assert.False(request.Fulfil(Now));
        Assert.True(request.Accept(by, "MARTIN Paul", Now.AddHours(1)));
        Assert.False(request.AwaitsDecision);
        Assert.False(request.Accept(by, "MARTIN Paul", Now.AddHours(1)));
        Assert.True(request.FailFulfilment("EmailTaken", Now.AddHours(2)));
        Assert.True(request.AwaitsDecision);
        Assert.Equal("EmailTaken", request.FailureReason);
        Assert.True(request.Accept(by, "MARTIN Paul", Now.AddHours(3)));
        Assert.Null(request.FailureReason);
        Assert.True(request.Fulfil(Now.AddHours(4)));
        Assert.False(request.Fulfil(Now.AddHours(5)));
        Assert.False(request.FailFulfilment("EstablishmentClosed", Now.AddHours(5)));
        Assert.Equal(
            [AccountRequestStatus.Pending, AccountRequestStatus.Approving, AccountRequestStatus.Failed, AccountRequestStatus.Approving, AccountRequestStatus.Approved],
            request.History.Select(h => h.Status));
        Assert.Equal(("MARTIN Paul", FulfilmentFailure.Message("EmailTaken")), (request.History[^1].ByName, request.History[2].Reason));
    }
}
