namespace Opco.Testing.Portal;

public static class TestEmails
{
    /// <summary>An address no other test or run uses, readable in logs by who it is for.</summary>
    public static string Unique(string who = "jeanne") => $"{who}.{Guid.NewGuid():N}@example.fr";
}
