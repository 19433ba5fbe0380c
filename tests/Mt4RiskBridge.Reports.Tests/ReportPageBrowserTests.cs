using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using SkiaSharp;

namespace Mt4RiskBridge.Reports.Tests;

/// <summary>
/// The HTML report in a real headless Debian chromium: it loads without console errors, every chart image
/// decodes, and each chart's screenshot holds drawn, coloured data (not only axes and grey grid lines).
/// </summary>
public sealed class ReportPageBrowserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("oanda-acs-statement.htm", new[] { "chart-balance", "chart-leverage", "chart-margin", "chart-lots" })]
    [InlineData("swissquote-macd-tester.htm", new[] { "chart-balance", "chart-leverage", "chart-margin", "chart-lots" })]
    public void Report_RendersWithDrawnCharts(string data, string[] charts)
    {
        var page = _folder.File("report.html");
        File.WriteAllText(page, HtmlReport.Render(TestData.Report(data)));
        using var driver = StartChromium();
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);

        var severe = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToArray();
        Assert.Empty(severe);
        Assert.StartsWith("Needs at least 1:", driver.FindElement(By.Id("verdict")).Text, StringComparison.Ordinal);

        foreach (var id in charts)
        {
            var image = driver.FindElement(By.CssSelector($"#{id} img"));
            var decoded = (bool)((IJavaScriptExecutor)driver).ExecuteScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", image)!;
            Assert.True(decoded, $"{id} did not decode");
            ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView();", image);
            var shot = ((ITakesScreenshot)image).GetScreenshot().AsByteArray;
            File.WriteAllBytes(_folder.File(id + ".png"), shot);
            using var bitmap = SKBitmap.Decode(shot);
            Assert.True(bitmap.Width > 400, $"{id} is {bitmap.Width} px wide");
            // Data series are saturated colours; text, axes and grid lines are grey or black.
            var coloured = CountColouredPixels(bitmap);
            Assert.True(coloured > 150, $"{id} has only {coloured} coloured pixels");
        }
    }

    [Fact]
    public void DecisionsPage_RendersItsVerdictChart()
    {
        var log = _folder.File("decisions.jsonl");
        File.WriteAllLines(log,
        [
            """{"at":"2026-01-05T10:00:00Z","login":7,"verdict":"approve","reasons":[]}""",
            """{"at":"2026-01-05T10:00:01Z","login":7,"verdict":"resize","reasons":[{"code":"margin_floor"}]}""",
            """{"at":"2026-01-05T10:00:02Z","login":8,"verdict":"approve","reasons":[]}""",
        ]);
        var page = _folder.File("decisions.html");
        File.WriteAllText(page, DecisionLogOutput.Html(DecisionLogReader.Read(log)));
        using var driver = StartChromium();
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        Assert.DoesNotContain(driver.Manage().Logs.GetLog(LogType.Browser), e => e.Level == LogLevel.Severe);
        Assert.Equal("3 decisions for 2 accounts from 2026-01-05 10:00:00Z to 2026-01-05 10:00:02Z: 2 approve, 1 resize.",
            driver.FindElement(By.Id("verdict")).Text);
        var image = driver.FindElement(By.CssSelector("#chart-verdicts img"));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView();", image);
        using var bitmap = SKBitmap.Decode(((ITakesScreenshot)image).GetScreenshot().AsByteArray);
        // Two bars of steel blue: thousands of pixels.
        Assert.True(CountColouredPixels(bitmap) > 2_000);
    }

    [Fact]
    public void Report_BalanceChart_DrawsTheLineInItsColour()
    {
        var page = _folder.File("report.html");
        File.WriteAllText(page, HtmlReport.Render(TestData.Report("oanda-omd-statement.htm")));
        using var driver = StartChromium();
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var image = driver.FindElement(By.CssSelector("#chart-balance img"));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView();", image);
        using var bitmap = SKBitmap.Decode(((ITakesScreenshot)image).GetScreenshot().AsByteArray);
        // ScottPlot's first series colour, #1F77B4, along the step line of the balance.
        var line = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - 0x1F) < 40 && Math.Abs(p.Green - 0x77) < 40 && Math.Abs(p.Blue - 0xB4) < 40) line++;
            }
        }
        Assert.True(line > 200, $"only {line} pixels of the balance line");
    }

    private static int CountColouredPixels(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                var max = Math.Max(p.Red, Math.Max(p.Green, p.Blue));
                var min = Math.Min(p.Red, Math.Min(p.Green, p.Blue));
                if (max - min > 80) count++;
            }
        }
        return count;
    }

    private ChromeDriver StartChromium()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1100,900",
            "--user-data-dir=" + _folder.File("profile-" + Guid.NewGuid().ToString("N")));
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
