namespace Opco.AppHost.Hosting;

/// <summary>Declares the application model: infrastructure, projects and how they reference each other.</summary>
public sealed class DistributedApplicationBuilder
{
    private const int FirstProjectPort = 5101;

    private readonly List<Resource> _resources = [];
    private readonly List<Parameter> _parameters = [];
    private int _projects;

    internal DistributedApplicationBuilder(AppHostOptions options) => Options = options;

    public AppHostMode Mode => Options.Mode;

    internal AppHostOptions Options { get; }

    /// <summary>Known once the application runs.</summary>
    internal string DataDir { get; set; } = "";

    public PostgresServerResource AddPostgres(string name) => AddResource(new PostgresServerResource(this, name));

    public RabbitMQResource AddRabbitMQ(string name) => AddResource(new RabbitMQResource(this, name));

    public MailDevResource AddMailDev(string name) => AddResource(new MailDevResource(name));

    public Parameter AddParameter(string name)
    {
        var parameter = new Parameter(name);
        _parameters.Add(parameter);
        return parameter;
    }

    /// <param name="projectPath">The .csproj, relative to the repository root.</param>
    public ProjectResource AddProject(string name, string projectPath) =>
        AddResource(new ProjectResource(this, name, projectPath, FirstProjectPort + _projects++));

    public DistributedApplication Build() => new(this, TopologicalOrder(), _parameters);

    internal T AddResource<T>(T resource)
        where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        _resources.Add(resource);
        return resource;
    }

    /// <summary>Declaration order, except that everything comes after what it depends on.</summary>
    private List<Resource> TopologicalOrder()
    {
        var ordered = new List<Resource>();
        var visiting = new HashSet<Resource>();
        void Visit(Resource resource)
        {
            if (ordered.Contains(resource))
                return;
            if (!visiting.Add(resource))
                throw new InvalidOperationException($"Dependency cycle through '{resource.Name}'.");
            foreach (var dependency in resource.ShutdownDependencies)
                Visit(dependency);
            visiting.Remove(resource);
            ordered.Add(resource);
        }
        _resources.ForEach(Visit);
        return ordered;
    }
}
