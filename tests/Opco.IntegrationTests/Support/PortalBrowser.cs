using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.Testing;

namespace Opco.IntegrationTests.Support;

/// <summary>
/// Headless Chromium (the system's /usr/bin/chromium, never a downloaded build) browsing the portal through the
/// gateway as a person would. Each step can be saved as a screenshot under TestResults/screenshots/&lt;test&gt;/ so a
/// person can look at the screens.
/// </summary>
public sealed partial class PortalBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _screenshots;
    private int _step;

    private PortalBrowser(IPlaywright playwright, IBrowser browser, Uri gateway, string test)
    {
        _playwright = playwright;
        _browser = browser;
        Gateway = gateway;
        _screenshots = Path.Combine(TestEnvironment.RepositoryRoot, "TestResults", "screenshots", test);
        Directory.CreateDirectory(_screenshots);
    }

    public Uri Gateway { get; }

    public static async Task<PortalBrowser> LaunchAsync(AppFixture fixture, string test)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run scripts/install-prerequisites.sh --browser.");
        // Interactive pages answer over a WebSocket; on a busy two-core machine that can take a few seconds.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new PortalBrowser(playwright, browser, fixture.App.GetEndpoint("gateway"), test);
    }

    /// <summary>A fresh visitor (own cookies), at desktop width or, say, a phone's 375 px.</summary>
    public async Task<IPage> NewVisitorAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.ToString().TrimEnd('/'),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens a portal page; an anonymous visitor is sent to identity's sign-in page first and comes back.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Votre identifiant (adresse email)").FillAsync(email);
        await page.GetByLabel("Votre mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/") && !url.Contains("/connect/") && !url.Contains("/signin-oidc"));
    }

    /// <summary>Visible inputs, selects and text areas without a label or an accessible name.</summary>
    public static Task<string[]> UnlabelledFieldsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
            .map(e => e.id || e.name || e.outerHTML)
        """);

    /// <summary>Whether the page fits the window's width (tables scroll inside their wrapper, not the page).</summary>
    public static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Waits until the page has its heading and its data.</summary>
    public static async Task LoadedAsync(IPage page)
    {
        await page.Locator("h1").First.WaitForAsync();
        // Pages load their data over the Blazor connection: wait until nothing says "Chargement…" and the menu has the user's name.
        await page.WaitForFunctionAsync("""
            () => !document.querySelector('.loading')
                  && !(document.querySelector('.user-menu-button')?.textContent.includes('Mon compte'))
            """);
    }

    /// <summary>Waits until the page is loaded, then saves the screen as NN-step.png.</summary>
    public async Task ScreenshotAsync(IPage page, string step)
    {
        await LoadedAsync(page);
        var name = $"{++_step:00}-{Slug().Replace(step.ToLowerInvariant(), "-").Trim('-')}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}
