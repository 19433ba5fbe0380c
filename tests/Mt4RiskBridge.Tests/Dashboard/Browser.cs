using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Mt4RiskBridge.Tests.Dashboard;

/// <summary>
/// Headless Debian chromium driven through chromedriver, with a fresh profile and nothing that calls out
/// (no background networking, component updates or sync). Screenshots go to <c>artifacts/screenshots/</c>.
/// </summary>
internal sealed class Browser : IDisposable
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "mt4rb-chromium-" + Guid.NewGuid().ToString("N"));

    public Browser()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1920,1100", "--user-data-dir=" + _profile);
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public void Open(Uri url) => Driver.Navigate().GoToUrl(url);

    /// <summary>Waits up to <paramref name="timeout"/> for a condition, polling every 50 ms.</summary>
    public T Wait<T>(Func<IWebDriver, T> condition, TimeSpan timeout)
    {
        var wait = new WebDriverWait(Driver, timeout) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    /// <summary>Saves the page as <c>artifacts/screenshots/{name}.png</c> and returns its path.</summary>
    public string Screenshot(string name)
    {
        var folder = RepositoryFiles.PathOf(Path.Combine("artifacts", "screenshots"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be closing a file in its profile.
        }
    }
}
