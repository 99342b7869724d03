using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MassTransit;

namespace Opco.UnitTests.Architecture;

/// <summary>
/// State-changing code must not publish around the outbox: outside the messaging building block (Opco.Messaging), no
/// service depends on MassTransit's bus, publish or send endpoints, nor calls their Publish or Send. Events go through
/// DbContext.PublishOnCommit (the outbox). Checked on the compiled assemblies, so no spelling or alias escapes it.
/// </summary>
public sealed class OutboxOnlyTests
{
    private static readonly string[] SendOrPublish = ["Publish", "PublishBatch", "Send", "SendBatch"];

    [Theory]
    [InlineData("Opco.Identity")]
    [InlineData("Opco.Onboarding")]
    [InlineData("Opco.Dossier")]
    [InlineData("Opco.Finance")]
    [InlineData("Opco.Notification")]
    [InlineData("Opco.Authorization")]
    public void A_service_neither_depends_on_the_bus_nor_publishes_or_sends_directly(string service)
    {
        var assembly = Assembly.Load(service);

        Assert.Empty(BusDependencies(assembly.GetTypes()));
        Assert.Empty(SendOrPublishCalls(assembly));
    }

    [Fact]
    public void The_rule_catches_a_type_that_takes_the_bus_and_publishes()
    {
        var dependencies = BusDependencies([typeof(DirectPublisher)]);

        Assert.Contains($"{typeof(DirectPublisher).FullName}: constructor parameter bus is MassTransit.IBus", dependencies);
        Assert.Contains(dependencies, d => d.Contains(": field ") && d.EndsWith(" is MassTransit.IBus"));
        Assert.Contains("MassTransit.IPublishEndpoint.Publish", SendOrPublishCalls(typeof(DirectPublisher).Assembly));
    }

    /// <summary>Constructor and method parameters, fields and properties typed with the bus or an endpoint, even wrapped (Lazy&lt;IBus&gt;, arrays).</summary>
    private static List<string> BusDependencies(IEnumerable<Type> types)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<string>();
        foreach (var type in types)
        {
            foreach (var constructor in type.GetConstructors(declared))
                found.AddRange(constructor.GetParameters().Where(p => IsBus(p.ParameterType))
                    .Select(p => $"{type.FullName}: constructor parameter {p.Name} is {p.ParameterType}"));
            foreach (var method in type.GetMethods(declared))
                found.AddRange(method.GetParameters().Where(p => IsBus(p.ParameterType))
                    .Select(p => $"{type.FullName}: parameter {p.Name} of {method.Name} is {p.ParameterType}"));
            found.AddRange(type.GetFields(declared).Where(f => IsBus(f.FieldType))
                .Select(f => $"{type.FullName}: field {f.Name} is {f.FieldType}"));
            found.AddRange(type.GetProperties(declared).Where(p => IsBus(p.PropertyType))
                .Select(p => $"{type.FullName}: property {p.Name} is {p.PropertyType}"));
        }
        return found;
    }

    /// <summary>
    /// The bus (IBus and what derives from it) or a bare publish or send endpoint. A consumer's ConsumeContext is one
    /// too, but it is how a consumer receives its message; calling its Publish is caught by <see cref="SendOrPublishCalls"/>.
    /// </summary>
    private static bool IsBus(Type type) =>
        type.HasElementType
            ? IsBus(type.GetElementType()!)
            : (type.IsGenericType && type.GetGenericArguments().Any(IsBus))
              || type == typeof(IPublishEndpoint) || type == typeof(ISendEndpointProvider) || typeof(IBus).IsAssignableFrom(type);

    /// <summary>
    /// Calls compiled into the assembly's method bodies: every call to another assembly's method is a member reference,
    /// named with the type that declares it (IPublishEndpoint.Publish, whether called on IBus or on a ConsumeContext).
    /// </summary>
    private static List<string> SendOrPublishCalls(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        return
        [
            .. metadata.MemberReferences
                .Select(handle => metadata.GetMemberReference(handle))
                .Select(member => (Type: DeclaringTypeName(metadata, member.Parent), Member: metadata.GetString(member.Name)))
                .Where(call => call.Type?.StartsWith("MassTransit.", StringComparison.Ordinal) == true && SendOrPublish.Contains(call.Member))
                .Select(call => $"{call.Type}.{call.Member}")
                .Distinct(),
        ];
    }

    private static string? DeclaringTypeName(MetadataReader metadata, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
                var name = metadata.GetString(type.Name);
                return type.ResolutionScope.Kind == HandleKind.TypeReference
                    ? $"{DeclaringTypeName(metadata, (TypeReferenceHandle)type.ResolutionScope)}+{name}"
                    : $"{metadata.GetString(type.Namespace)}.{name}";
            case HandleKind.TypeSpecification:
                // A generic type's member, e.g. on ConsumeContext<T>: its signature starts with the generic type itself.
                var signature = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                return signature.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance
                       && signature.ReadSignatureTypeCode() == SignatureTypeCode.TypeHandle
                    ? DeclaringTypeName(metadata, signature.ReadTypeHandle())
                    : null;
            default:
                return null;
        }
    }

    /// <summary>What the rule must catch: the bus taken from DI and a publish that bypasses the outbox.</summary>
    private sealed class DirectPublisher(IBus bus)
    {
        public Task AnnounceAsync(CancellationToken cancellationToken) => bus.Publish(new Announced(), cancellationToken);
    }

    private sealed record Announced;
}
