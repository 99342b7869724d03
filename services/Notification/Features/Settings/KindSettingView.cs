using Opco.Notification.Domain;

namespace Opco.Notification.Features.Settings;

/// <summary>One line of "Mes notifications" settings; kinds and frequency travel as their names.</summary>
public sealed record KindSettingView(string Kind, bool InPortal, bool EmailAlerts, string Frequency)
{
    public static KindSettingView Of(NotificationSetting s) => new(s.Kind.ToString(), s.InPortal, s.EmailAlerts, s.Frequency.ToString());
}

public sealed record SettingsView(IReadOnlyList<KindSettingView> Kinds);
