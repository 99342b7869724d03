namespace Opco.AppHost.Hosting;

public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Completed,
    Restarting,
    Failed,
    Stopping,
    Stopped,
}
