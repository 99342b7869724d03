using Opco.Web.Api;
using Opco.Web.Domain;

namespace Opco.Web.State;

/// <summary>
/// The signed-in user as the pages need them, read once per page session from identity: profile, establishments with
/// their habilitations (hence <see cref="PortalRights"/>), the service offer and the advisor of the preferred establishment.
/// </summary>
public sealed class CurrentUser(IdentityApi identity, OnboardingApi onboarding)
{
    private Task<bool>? _loading;

    public MyProfile? Profile { get; private set; }
    public IReadOnlyList<MyEstablishment> Establishments { get; private set; } = [];
    public PortalRights Rights { get; private set; } = PortalRights.None;
    public string? ServiceOffer => Offer?.ServiceOffer;
    public OfferAdvisor? Advisor => Offer?.Advisor;
    private EstablishmentOffer? Offer { get; set; }
    public ApiProblem? Problem { get; private set; }

    public MyEstablishment? Preferred => Establishments.FirstOrDefault(e => e.IsPreferred) ?? Establishments.FirstOrDefault();

    public event Action? Changed;

    /// <summary>Loads once; every component awaiting it shares the same calls.</summary>
    public Task<bool> EnsureLoadedAsync() => _loading ??= LoadAsync();

    /// <summary>After a change of profile, preferred establishment or rights.</summary>
    public async Task ReloadAsync()
    {
        _loading = LoadAsync();
        await _loading;
        Changed?.Invoke();
    }

    private async Task<bool> LoadAsync()
    {
        var profile = await identity.GetMeAsync();
        var establishments = await identity.GetMyEstablishmentsAsync();
        Problem = profile.Problem ?? establishments.Problem;
        if (Problem is not null) return false;
        Profile = profile.Value;
        Establishments = establishments.Value ?? [];
        Rights = new PortalRights(Establishments, Profile?.StaffRole);
        Offer = Preferred is { } preferred ? (await onboarding.GetOfferAsync(preferred.Siret)).Value : null;
        return true;
    }
}
