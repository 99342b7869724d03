using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Opco.SharedKernel.Habilitations;

namespace Opco.Authorization.Establishments;

public static class EstablishmentAccessExtensions
{
    /// <summary>
    /// The caller must be allowed <paramref name="functionality"/> on the <c>{siret}</c> of the route: 401 without a
    /// valid token, 403 when inactive or not habilitated for it, 404 when holding nothing there.
    /// </summary>
    public static TBuilder RequireFunctionality<TBuilder>(this TBuilder builder, Functionality functionality)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().AddEndpointFilter(new EstablishmentAccessFilter([functionality]));

    /// <summary>Like <see cref="RequireFunctionality{TBuilder}"/>, for any one of <paramref name="functionalities"/>.</summary>
    public static TBuilder RequireAnyFunctionality<TBuilder>(this TBuilder builder, params Functionality[] functionalities)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().AddEndpointFilter(new EstablishmentAccessFilter(functionalities));

    /// <summary>Like <see cref="RequireFunctionality{TBuilder}"/>, for any habilitation on the <c>{siret}</c> of the route.</summary>
    public static TBuilder RequireAnyHabilitation<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().AddEndpointFilter(new EstablishmentAccessFilter([]));
}
