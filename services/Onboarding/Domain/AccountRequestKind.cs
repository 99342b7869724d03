namespace Opco.Onboarding.Domain;

/// <summary>"Type de demande".</summary>
public enum AccountRequestKind
{
    /// <summary>"Ouverture": a new person; ✓ creates their account.</summary>
    Opening,
    /// <summary>"Rattachement": the e-mail already has an account; ✓ attaches it to the establishment.</summary>
    Attachment,
}

public static class AccountRequestKinds
{
    public static string Label(AccountRequestKind kind) => kind switch
    {
        AccountRequestKind.Opening => "Ouverture",
        AccountRequestKind.Attachment => "Rattachement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
