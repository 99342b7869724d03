using Opco.Web.Api;
using Opco.Web.Domain;

namespace Opco.Web.State;

/// <summary>
/// The signed-in user as the pages need them, read once per page session from identity: profile, establishments with
/// their habilitations (hence <see cref="PortalRights"/>) and the service offer of the preferred establishment.
/// </summary>
public sealed class CurrentUser(IdentityApi identity, OnboardingApi onboarding)
{
    private Task<bool>? _loading;

    public MyProfile? Profile { get; private set; }
    public IReadOnlyList<MyEstablishment> Establishments { get; private set; } = [];
    public PortalRights Rights { get; private set; } = PortalRights.None;
    public string? ServiceOffer { get; private set; }
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
        ServiceOffer = Preferred is { } preferred
            && (await onboarding.SearchCompaniesAsync(preferred.Siren, 1)).Value?.FirstOrDefault(c => c.Siren == preferred.Siren) is { } company
            ? company.ServiceOffer
            : null;
        return true;
    }
}
