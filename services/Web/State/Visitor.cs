namespace Opco.Web.State;

/// <summary>
/// The address of the browser behind this page session, taken from the page request (the gateway forwards it). The
/// public endpoints are rate-limited per visitor, so calls made on a visitor's behalf say whom they are for.
/// </summary>
public sealed class Visitor
{
    public string? Address { get; set; }
}
