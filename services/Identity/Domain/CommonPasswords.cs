namespace Opco.Identity.Domain;

/// <summary>Passwords found at the top of public leak lists (French ones included) that still meet the length rules.</summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> List = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword1", "qwerty123",
        "qwerty1234", "azerty123", "azerty1234", "azertyuiop1", "motdepasse1", "motdepasse123", "m0tdepasse",
        "abc12345", "abcd1234", "abcdef123", "a1b2c3d4", "1q2w3e4r", "1q2w3e4r5t", "zaq12wsx", "iloveyou1",
        "jetaime123", "soleil123", "doudou123", "chouchou1", "marseille13", "loulou123", "bonjour123", "nicolas1",
        "football1", "baseball1", "welcome1", "welcome123", "letmein1", "admin123", "admin1234", "administrateur1",
        "bienvenue1", "bienvenue123", "changeme1", "trustno1", "sunshine1", "monkey123", "dragon123", "master123",
        "princess1", "superman1", "michael1", "jordan23", "charlie1", "azerty12", "qwertyuiop1", "test1234",
        "testtest1", "user1234", "utilisateur1", "opco2024", "opco2025", "opco2026", "formation1", "formation123",
        "entreprise1", "janvier2026", "fevrier2026", "automne2026", "hiver2026", "ete2026", "printemps2026",
        "paris2024", "france123", "france2026", "12345678a", "123456789a", "1234567a", "a12345678", "aa123456",
        "qwe12345", "asdf1234", "zxcv1234", "pass1234", "pa55word", "secret123", "summer2026", "winter2026",
    };

    public static bool Contains(string password) => List.Contains(password);
}
