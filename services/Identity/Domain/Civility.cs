namespace Opco.Identity.Domain;

/// <summary>"Civilité": Monsieur or Madame.</summary>
public enum Civility
{
    Monsieur,
    Madame,
}
