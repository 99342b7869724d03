namespace Opco.SharedKernel.People;

/// <summary>"Civilité": Monsieur or Madame.</summary>
public enum Civility
{
    Monsieur,
    Madame,
}
