namespace Opco.Messaging.Outbox;

/// <summary>Type names stored without version so a redeployed contracts assembly still resolves them.</summary>
internal static class MessageTypeName
{
    public static string Of(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Type.GetType(name, throwOnError: false) ?? throw new InvalidOperationException($"Unknown message type '{name}'.");
}
