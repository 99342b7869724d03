namespace Opco.Identity.Domain;

/// <summary>OPCO staff: advisors validate and decide; administrators also create advisors and import accounts.</summary>
public enum StaffRole
{
    None,
    Advisor,
    Administrator,
}
