namespace Opco.AppHost.Hosting;

/// <summary>A value known only at run time (allocated port, generated secret), usable as an environment value.</summary>
public interface IValueReference
{
    string Value { get; }
}
