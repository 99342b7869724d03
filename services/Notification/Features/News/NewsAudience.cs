using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.SharedKernel;

namespace Opco.Notification.Features.News;

/// <summary>
/// Which published news a reader sees. OPCO staff see them all; others see untargeted news and those targeted at the
/// service offer of the company of the establishment they are looking from (their preferred one, or the one chosen on
/// the home page), provided they hold a habilitation there: an establishment named in the query proves nothing alone.
/// </summary>
public sealed record NewsAudience(bool Everything, string? Offer)
{
    public static async Task<NewsAudience> ReadAsync(ClaimsPrincipal user, Guid userId, string? siret, IEstablishmentRights rights,
        NotificationDbContext db, CancellationToken cancellationToken)
    {
        if (user.IsAdministrator() || user.IsAdvisor()) return new NewsAudience(true, null);
        if (siret is not { Length: 14 } || !Siret.TryParse(siret, out _)) return new NewsAudience(false, null);
        var held = await rights.ReadAsync(userId, siret, cancellationToken);
        if (!held.IsActive || held.Held.Count == 0) return new NewsAudience(false, null);
        var siren = siret[..9];
        var offer = await db.CompanyOffers.Where(c => c.Siren == siren).Select(c => c.ServiceOffer).FirstOrDefaultAsync(cancellationToken);
        return new NewsAudience(false, offer);
    }

    public IQueryable<NewsItem> Published(IQueryable<NewsItem> news, DateTimeOffset now) =>
        news.Where(n => n.PublishedAt != null && n.PublishedAt <= now && (Everything || n.TargetOffer == null || n.TargetOffer == Offer));
}
