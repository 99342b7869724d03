using Opco.Web.Domain;

namespace Opco.Web.Tests;

/// <summary>The gauges' rules: each zone is complete only with its required fields filled and valid.</summary>
public sealed class AccountRequestWizardTests
{
    [Fact]
    public void Each_zone_turns_complete_only_with_valid_required_fields()
    {
        var wizard = new AccountRequestWizard { Email = "pas-un-email" };
        Assert.False(wizard.IsComplete(WizardZone.Email));
        wizard.Email = "isabelle.debuire@example.fr";
        Assert.True(wizard.IsComplete(WizardZone.Email));

        Assert.False(wizard.IsComplete(WizardZone.Company));
        wizard.ChooseCompany("424210433", "GE SUPPORT FRANCE - 424210433");
        Assert.True(wizard.IsComplete(WizardZone.Company));

        (wizard.Civility, wizard.JobTitle, wizard.LastName, wizard.FirstName, wizard.Phone) = ("Madame", "PROJECT MANAGER", "DEBUIRE", "ISABELLE", "06000");
        wizard.Siret = "42421043300017";
        Assert.False(wizard.IsComplete(WizardZone.Information));
        wizard.Phone = "0600000000";
        Assert.True(wizard.IsComplete(WizardZone.Information));

        Assert.False(wizard.IsComplete(WizardZone.Habilitations));
        Assert.False(wizard.CanSubmit);
        wizard.RoleCode = "administrateur-etablissement";
        Assert.True(wizard.IsComplete(WizardZone.Habilitations));
        Assert.True(wizard.CanSubmit);
    }

    [Fact]
    public void Choosing_another_company_forgets_the_site_so_information_is_incomplete_again()
    {
        var wizard = new AccountRequestWizard
        {
            Civility = "Monsieur", JobTitle = "DRH", LastName = "Martin", FirstName = "Paul", Phone = "+33612345678", RoleCode = "gestionnaire-formation",
        };
        wizard.ChooseCompany("424210433", "GE SUPPORT FRANCE - 424210433");
        wizard.Siret = "42421043300017";
        Assert.True(wizard.IsComplete(WizardZone.Information));

        wizard.ChooseCompany("732829320", "ATELIER DÉMO - 732829320");

        Assert.Null(wizard.Siret);
        Assert.False(wizard.IsComplete(WizardZone.Information));
        Assert.False(wizard.IsComplete(WizardZone.Habilitations));
    }

    [Fact]
    public void The_submission_carries_the_role_label_and_the_wizard_form()
    {
        var wizard = new AccountRequestWizard { Email = " a@b.fr ", RoleCode = "administrateur-etablissement", Siret = "42421043300017" };

        var submission = wizard.ToSubmission();

        Assert.Equal(("Wizard", "a@b.fr", "a@b.fr", "Administrateur de l'établissement"), (submission.Form, submission.Email, submission.EmailConfirmation, submission.Role));
    }
}
