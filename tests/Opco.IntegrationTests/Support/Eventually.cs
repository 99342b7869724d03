namespace Opco.IntegrationTests.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails with the description when the time is up.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string description) =>
        HoldsAsync(condition, timeout, () => description);

    /// <summary>Polls until the condition holds; fails with the description, built at the end (what was last seen), when the time is up.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not true after {timeout.TotalSeconds:0} s: {description()}");
            await Task.Delay(100);
        }
    }
}
