namespace Opco.AppHost.Hosting;

/// <summary>A .NET project started from its built dll, configured through environment variables the way Aspire does.</summary>
public sealed class ProjectResource : Resource
{
    private readonly DistributedApplicationBuilder _builder;
    private readonly string _projectPath;
    private readonly Endpoint _http;
    private readonly List<object> _references = [];
    private readonly List<(string Name, Func<string> Value)> _environment = [];
    private readonly string _instanceId = Guid.NewGuid().ToString();
    private ProjectSupervisor? _supervisor;

    internal ProjectResource(DistributedApplicationBuilder builder, string name, string projectPath, int runPort)
        : base(name)
    {
        _builder = builder;
        _projectPath = projectPath;
        _http = new Endpoint(name, runPort, $"{name} HTTP");
    }

    public override string Kind => "project";

    public override string Url => $"http://127.0.0.1:{_http.Port}";

    /// <summary>The address people use in a browser: "localhost" in run mode.</summary>
    public EndpointReference PublicEndpoint => new(() => _builder.Mode == AppHostMode.Run ? $"http://localhost:{_http.Port}" : Url);

    internal MigrationJobResource? Migrations { get; private set; }

    internal IEnumerable<IResourceWithConnectionString> ConnectionStringReferences => _references.OfType<IResourceWithConnectionString>();

    internal override IEnumerable<Resource> ShutdownDependencies =>
        Dependencies.Concat(ConnectionStringReferences.OfType<Resource>()).Distinct();

    internal override IEnumerable<Endpoint> Endpoints => [_http];

    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        _references.Add(resource);
        return this;
    }

    /// <summary>Adds services__NAME__http__0; does not wait for it, so references may be cyclic.</summary>
    public ProjectResource WithReference(ProjectResource project)
    {
        _references.Add(project);
        return this;
    }

    public ProjectResource WithEnvironment(string name, string value)
    {
        _environment.Add((name, () => value));
        return this;
    }

    public ProjectResource WithEnvironment(string name, IValueReference value)
    {
        _environment.Add((name, () => value.Value));
        return this;
    }

    /// <summary>Points <paramref name="name"/> at a folder of its own: kept in .data/ in run mode, thrown away in test mode.</summary>
    public ProjectResource WithDataDirectory(string name)
    {
        _environment.Add((name, () => Directory.CreateDirectory(Path.Combine(_builder.DataDir, Name)).FullName));
        return this;
    }

    /// <summary>The run-mode port; test mode always picks a free one.</summary>
    public ProjectResource WithHttpEndpoint(int port)
    {
        _http.RunPort = port;
        return this;
    }

    /// <summary>Runs "dotnet DLL --migrate" to completion before the project starts.</summary>
    public ProjectResource WithMigrations()
    {
        Migrations = _builder.AddResource(new MigrationJobResource(this));
        WaitsFor.Add(Migrations);
        return this;
    }

    internal override IEnumerable<Prerequisite> Prerequisites(string repoRoot, Toolchain tools)
    {
        yield return Prerequisite.File($"{Name} build output", DllPath(repoRoot), $"dotnet build Opco.Aspire.sln -c {AppHostContext.Configuration}");
    }

    internal string ProjectDirectory(string repoRoot) =>
        Path.GetDirectoryName(Path.Combine(repoRoot, _projectPath))!;

    internal string DllPath(string repoRoot) =>
        Path.Combine(ProjectDirectory(repoRoot), "bin", AppHostContext.Configuration, "net10.0", $"{Path.GetFileNameWithoutExtension(_projectPath)}.dll");

    internal ProcessSpec Spec(AppHostContext context, params string[] arguments) =>
        new("dotnet", [DllPath(context.RepoRoot), .. arguments], ProjectDirectory(context.RepoRoot)) { Environment = Environment(context) };

    internal override Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        _supervisor = new ProjectSupervisor(this, context);
        return _supervisor.StartAsync(cancellationToken);
    }

    internal override Task StopAsync(AppHostContext context) => _supervisor?.StopAsync() ?? Task.CompletedTask;

    private Dictionary<string, string> Environment(AppHostContext context)
    {
        var environmentName = context.IsTest ? "Testing" : "Development";
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Url,
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={_instanceId}",
        };
        if (System.Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } otlp)
            variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
        if (!context.IsTest)
            variables["Seed__DemoData"] = "true";
        foreach (var reference in _references)
        {
            if (reference is IResourceWithConnectionString resource)
                variables[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString;
            else if (reference is ProjectResource project)
                variables[$"services__{project.Name}__http__0"] = project.Url;
        }
        foreach (var (name, value) in _environment)
            variables[name] = value();
        return variables;
    }
}
