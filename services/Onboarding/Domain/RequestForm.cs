namespace Opco.Onboarding.Domain;

/// <summary>Which of the two seeds' forms a request came from: "Mon compte DEFi" or the "mon compte 2i" wizard.</summary>
public enum RequestForm
{
    Defi,
    Wizard,
}
