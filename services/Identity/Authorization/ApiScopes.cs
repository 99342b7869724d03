namespace Opco.Identity.Authorization;

/// <summary>One scope per API; asking for it puts the API in the access token's audience.</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyList<string> All = ["identity", "onboarding", "dossier", "finance", "notification"];
}
