using Opco.Api.Security;
using Opco.Finance.Domain.Collecte;

namespace Opco.UnitTests.Finance;

public sealed class MandateTests
{
    private const string Siret = "73282932000074";
    private const string Iban = "FR7630006000011234567890189";
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid User = Guid.NewGuid();
    private static readonly AesGcmIbanProtector Protector = new(new string('k', 40), "opco-finance-iban");

    private static MandateForm Form(string? iban = Iban, string? bic = "BNPAFRPP", string? scheme = null, DateOnly? signedOn = null) =>
        new(scheme, iban, bic, "Atelier Démo SAS", "Claire Martin", signedOn);

    private static DirectDebitMandate Draft(MandateForm? form = null) =>
        DirectDebitMandate.Create(Siret, form ?? Form(), MandateReference.Of(42), Protector, User, Today, Now).Mandate!;

    [Fact]
    public void A_rum_is_issued_from_a_sequence_number_within_35_sepa_characters_and_never_from_the_iban()
    {
        var reference = MandateReference.Of(42);

        Assert.Equal("OPCO-RUM-0000000042", reference);
        Assert.True(MandateReference.IsValid(reference));
        Assert.NotEqual(MandateReference.Of(42), MandateReference.Of(43));
        Assert.True(MandateReference.IsValid(MandateReference.Of(long.MaxValue)));
        Assert.DoesNotContain(Iban[4..], MandateReference.Of(30006000011));
    }

    [Theory]
    [InlineData("ABC/-?:().,'+123", true)]
    [InlineData("12345678901234567890123456789012345", true)]
    [InlineData("123456789012345678901234567890123456", false)]
    [InlineData("opco-rum-1", false)]
    [InlineData("OPCO RUM 1", false)]
    [InlineData("OPCO_RUM", false)]
    [InlineData("", false)]
    public void A_rum_holds_at_most_35_characters_from_a_to_z_0_to_9_and_the_sepa_signs(string reference, bool valid) =>
        Assert.Equal(valid, MandateReference.IsValid(reference));

    [Fact]
    public void A_new_mandate_is_a_b2b_draft_keeping_the_iban_encrypted_and_its_masked_form()
    {
        var mandate = Draft();

        Assert.Equal((MandateScheme.B2B, MandateStatus.Draft, "732829320", "FR76 •••• •••• 0189"),
            (mandate.Scheme, mandate.Status, mandate.Siren, mandate.MaskedIban));
        Assert.Equal(Iban, Protector.Unprotect(mandate.EncryptedIban).Value);
        Assert.DoesNotContain("30006000011234567890", System.Text.Encoding.ASCII.GetString(mandate.EncryptedIban));
        Assert.Single(mandate.History);
        Assert.Equal(MandateScheme.Core, Draft(Form(scheme: "Core")).Scheme);
    }

    [Theory]
    [InlineData("FR7630006000011234567890188", "BNPAFRPP", "iban", "Cet IBAN n'est pas valide : vérifiez sa saisie.")]
    [InlineData("FR763000600001123456789018", "BNPAFRPP", "iban", "L'IBAN doit commencer par le code du pays et comporter 27 caractères pour un compte français.")]
    [InlineData("", "BNPAFRPP", "iban", "L'IBAN est obligatoire.")]
    [InlineData(Iban, "BNPAFR", "bic", "Le BIC comporte 8 ou 11 caractères.")]
    [InlineData(Iban, "BNP1FRPP", "bic", "Le BIC commence par 6 lettres (banque et pays), suivies de lettres ou de chiffres.")]
    public void A_wrong_iban_or_bic_is_refused_with_a_french_message_on_its_field(string iban, string bic, string field, string message)
    {
        var (mandate, errors) = DirectDebitMandate.Create(Siret, Form(iban, bic), MandateReference.Of(1), Protector, User, Today, Now);

        Assert.Null(mandate);
        Assert.Equal([message], errors.ToDictionary()[field]);
    }

    [Fact]
    public void A_signature_day_to_come_and_an_unknown_scheme_are_refused()
    {
        var (_, errors) = DirectDebitMandate.Create(Siret, Form(scheme: "Express", signedOn: Today.AddDays(1)), MandateReference.Of(1), Protector, User, Today, Now);

        Assert.True(errors.Has("scheme") && errors.Has("signedOn"));
    }

    [Fact]
    public void A_mandate_goes_from_draft_to_signed_to_active_to_revoked_each_move_in_its_history()
    {
        var mandate = Draft();
        Assert.False(mandate.Activate(User, Today, Now));

        Assert.True(mandate.Sign("Claire Martin", Today, User, Today, Now).IsEmpty);
        Assert.Equal(MandateStatus.Signed, mandate.Status);
        Assert.True(mandate.Sign("Claire Martin", Today, User, Today, Now).Has("status"));
        Assert.True(mandate.Activate(User, Today, Now));
        Assert.Equal((MandateStatus.Active, Today), (mandate.Status, mandate.ActivatedOn));
        Assert.True(mandate.Revoke(User, Now));
        Assert.Equal(MandateStatus.Revoked, mandate.Status);
        Assert.False(mandate.Revoke(User, Now));
        Assert.False(mandate.Activate(User, Today, Now));
        Assert.Equal([MandateStatus.Draft, MandateStatus.Signed, MandateStatus.Active, MandateStatus.Revoked], mandate.History.Select(h => h.Status));
    }

    [Fact]
    public void Signing_needs_the_signatory_and_the_day()
    {
        var mandate = Draft(new MandateForm(null, Iban, "BNPAFRPP", "Atelier Démo SAS", null, null));

        var errors = mandate.Sign(" ", null, User, Today, Now);

        Assert.True(errors.Has("signatory") && errors.Has("signedOn"));
        Assert.Equal(MandateStatus.Draft, mandate.Status);
    }

    [Fact]
    public void An_iban_change_amends_the_mandate_keeping_its_rum_and_status_with_the_change_in_its_history()
    {
        var mandate = Draft();
        mandate.Sign(null, Today, User, Today, Now);
        mandate.Activate(User, Today, Now);

        Assert.True(mandate.AmendIban("FR1420041010050500013M02606", "PSSTFRPPPAR", Protector, User, Now).IsEmpty);

        Assert.Equal(("OPCO-RUM-0000000042", MandateStatus.Active, "FR14 •••• •••• 2606", "PSSTFRPPPAR"),
            (mandate.Reference, mandate.Status, mandate.MaskedIban, mandate.Bic));
        Assert.Equal("FR1420041010050500013M02606", Protector.Unprotect(mandate.EncryptedIban).Value);
        Assert.Equal("IBAN modifié (auparavant FR76 •••• •••• 0189)", mandate.History[^1].What);
        Assert.True(mandate.AmendIban("FR7630006000011234567890188", "PSSTFRPPPAR", Protector, User, Now).Has("iban"));
        mandate.Revoke(User, Now);
        Assert.True(mandate.AmendIban(Iban, "BNPAFRPP", Protector, User, Now).Has("status"));
    }

    [Fact]
    public void An_active_mandate_unused_for_36_months_lapses_on_that_day_not_the_day_before()
    {
        var mandate = Draft();
        mandate.Sign(null, new DateOnly(2023, 6, 10), User, new DateOnly(2023, 6, 10), Now);
        mandate.Activate(User, new DateOnly(2023, 6, 12), Now);
        mandate.MarkUsed(new DateOnly(2023, 12, 4));

        Assert.Equal(new DateOnly(2026, 12, 4), mandate.LapsesOn);
        Assert.False(mandate.LapseIfUnused(new DateOnly(2026, 12, 3), Now));
        Assert.Equal(MandateStatus.Active, mandate.Status);
        Assert.True(mandate.LapseIfUnused(new DateOnly(2026, 12, 4), Now));
        Assert.Equal(MandateStatus.Lapsed, mandate.Status);
        Assert.False(mandate.LapseIfUnused(new DateOnly(2026, 12, 5), Now));
    }

    [Fact]
    public void A_debit_collected_restarts_the_36_months_and_a_never_used_mandate_counts_from_its_signature()
    {
        var used = Draft();
        used.Sign(null, new DateOnly(2023, 1, 15), User, new DateOnly(2023, 1, 15), Now);
        used.Activate(User, new DateOnly(2023, 1, 20), Now);
        Assert.Equal(new DateOnly(2026, 1, 15), used.LapsesOn);
        used.MarkUsed(new DateOnly(2025, 3, 1));
        used.MarkUsed(new DateOnly(2024, 3, 1));

        Assert.Equal(new DateOnly(2028, 3, 1), used.LapsesOn);
        Assert.False(used.LapseIfUnused(new DateOnly(2028, 2, 29), Now));
        Assert.True(used.LapseIfUnused(new DateOnly(2028, 3, 2), Now));
        Assert.Null(Draft().LapsesOn);
    }

    [Fact]
    public void Only_an_active_mandate_accepts_a_debit_and_is_marked_used()
    {
        var mandate = Draft();
        Assert.True(mandate.AcceptDebit().Has("mandate"));
        mandate.Sign(null, Today, User, Today, Now);
        Assert.True(mandate.MarkUsed(Today).Has("mandate"));
        mandate.Activate(User, Today, Now);
        Assert.True(mandate.MarkUsed(Today).IsEmpty);
        mandate.Revoke(User, Now);

        var errors = mandate.MarkUsed(Today.AddDays(1));

        Assert.Equal(["Le mandat OPCO-RUM-0000000042 est « Révoqué » : aucun prélèvement ne peut être encaissé sur lui."], errors.ToDictionary()["mandate"]);
        Assert.Equal(Today, mandate.LastUsedOn);
    }

    [Theory]
    // 3 December 2026: 4 December 2023 is the earliest signature (signed on 3 December 2023, it would lapse today).
    [InlineData("2023-12-04", null)]
    [InlineData("2026-12-03", null)]
    [InlineData("2023-12-03", "La date de signature doit dater de moins de 36 mois (le 04/12/2023 au plus tôt) : un mandat inutilisé depuis 36 mois est caduc.")]
    [InlineData("2001-05-01", "La date de signature doit dater de moins de 36 mois (le 04/12/2023 au plus tôt) : un mandat inutilisé depuis 36 mois est caduc.")]
    [InlineData("2026-12-04", "La date de signature ne peut pas être dans le futur.")]
    public void A_signature_date_is_within_the_last_36_months_and_not_to_come(string day, string? message)
    {
        var signedOn = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var (_, created) = DirectDebitMandate.Create(Siret, Form(signedOn: signedOn), MandateReference.Of(1), Protector, User, Today, Now);
        var signed = Draft().Sign(null, signedOn, User, Today, Now);

        foreach (var errors in new[] { created, signed })
            if (message is null) Assert.True(errors.IsEmpty);
            else Assert.Equal([message], errors.ToDictionary()["signedOn"]);
    }
}
