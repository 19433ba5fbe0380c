using System.Diagnostics;
using System.Globalization;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Tests.Bridge;
using OpenQA.Selenium;

namespace Mt4RiskBridge.Tests.Dashboard;

/// <summary>The real dashboard in headless chromium, with simulated terminals connected over loopback.</summary>
public sealed class DashboardBrowserTests
{
    private static readonly TimeSpan PageLoad = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Dashboard_WithTerminalsConnected_ListsThemUpdatesLiveAndHaltsFromTheAccountPage()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        using var desk = new SimulatedDesk(bridge, 7001, 7002);
        using var browser = new Browser();

        // The accounts page lists every connected terminal.
        browser.Open(new Uri(bridge.DashboardUrl, "/"));
        browser.Wait(d => d.FindElements(By.CssSelector("#accounts tbody tr")).Count == 2, PageLoad);
        var logins = browser.Driver.FindElements(By.CssSelector("#accounts tbody tr")).Select(r => r.GetDomAttribute("data-login")).Order().ToList();
        Assert.Equal(["7001", "7002"], logins);
        Assert.Equal(desk[7001].Equity.ToString("#,0.00", CultureInfo.InvariantCulture), EquityCell(browser, 7001));
        browser.Screenshot("accounts");

        // Sortable: a second click on the login column turns the order.
        browser.Driver.FindElement(By.CssSelector("#accounts th[data-key='login']")).Click();
        browser.Wait(d => d.FindElement(By.CssSelector("#accounts tbody tr")).GetDomAttribute("data-login") == "7002", PageLoad);

        // An equity change reaches the open page without a reload, within 2 s.
        browser.Driver.ExecuteScript("window.sameDocument = 'yes';");
        var terminal = desk[7001];
        terminal.SetEquity(12_345.67m);
        var sent = Stopwatch.StartNew();
        terminal.SendAccount();
        browser.Wait(_ => EquityCell(browser, 7001) == "12,345.67", TimeSpan.FromSeconds(2));
        sent.Stop();
        Assert.Equal("yes", browser.Driver.ExecuteScript("return window.sameDocument;"));
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(2), $"the equity change took {sent.Elapsed.TotalMilliseconds:0} ms to show");

        // The account page: charts drawn, positions priced at two tiers; Halt makes the next check trading_halted.
        browser.Open(new Uri(bridge.DashboardUrl, "/accounts/7001"));
        browser.Wait(d => d.FindElements(By.CssSelector("#equityChart canvas")).Count == 1 && d.FindElements(By.CssSelector("#positions tbody tr")).Count == 2, PageLoad);
        var eurusd = browser.Driver.FindElement(By.CssSelector("#positions tbody tr[data-ticket='100001'] td[data-name='marginAtCurrentTier']")).Text;
        Assert.NotEqual("—", eurusd);
        browser.Driver.FindElement(By.Id("reason")).SendKeys("news week");
        browser.Driver.FindElement(By.Id("halt")).Click();
        browser.Wait(d => d.FindElement(By.Id("message")).GetDomAttribute("data-state") == "HALTED", PageLoad);
        browser.Wait(d => d.FindElement(By.Id("state")).Text == "HALTED", PageLoad);
        browser.Screenshot("account");

        var decision = terminal.Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(10));
        Assert.Equal(WireVerdict.Reject, decision.Verdict);
        Assert.Contains(ReasonCode.TradingHalted, decision.Reasons.Select(r => r.Code));
        var other = desk[7002].Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(ReasonCode.TradingHalted, other.Reasons.Select(r => r.Code));

        // The decision stream shows that rejection, and filters by reason.
        browser.Open(new Uri(bridge.DashboardUrl, "/decisions"));
        browser.Driver.FindElement(By.Id("fReason")).SendKeys(ReasonCode.TradingHalted);
        browser.Wait(d => d.FindElements(By.CssSelector("#decisions tbody tr")).Count == 1, PageLoad);
        Assert.StartsWith(ReasonCode.TradingHalted, browser.Driver.FindElement(By.CssSelector("#decisions tbody tr td[data-name='reasons']")).Text, StringComparison.Ordinal);
        browser.Screenshot("decisions");

        // The settings page lists the settings in force.
        browser.Open(new Uri(bridge.DashboardUrl, "/settings"));
        browser.Wait(d => d.FindElements(By.CssSelector("#settings tbody tr")).Count > 5, PageLoad);
        Assert.Contains(browser.Driver.FindElements(By.CssSelector("#settings tbody tr td:first-child")), td => td.Text == "Bridge:Endpoint");
        browser.Screenshot("settings");
    }

    [Fact]
    public async Task Dashboard_WithAnOperatorToken_AsksForItThenOperatesWithTheSessionCookie()
    {
        const string token = "operator-token-for-browser-tests-42";
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Dashboard:OperatorToken=" + token);
        using var desk = new SimulatedDesk(bridge, 7401);
        using var browser = new Browser();

        browser.Open(new Uri(bridge.DashboardUrl, "/accounts/7401"));
        browser.Wait(d => new Uri(d.Url).AbsolutePath == "/login", PageLoad);
        browser.Wait(d => !string.IsNullOrEmpty(d.FindElement(By.Id("csrf")).GetDomProperty("value")), PageLoad);
        browser.Screenshot("login");
        browser.Driver.FindElement(By.Name("token")).SendKeys("a-wrong-token-of-some-length");
        browser.Driver.FindElement(By.CssSelector("button[type=submit]")).Click();
        browser.Wait(d => d.FindElement(By.Id("failed")).Displayed, PageLoad);

        browser.Wait(d => !string.IsNullOrEmpty(d.FindElement(By.Id("csrf")).GetDomProperty("value")), PageLoad);
        browser.Driver.FindElement(By.Name("token")).SendKeys(token);
        browser.Driver.FindElement(By.CssSelector("button[type=submit]")).Click();
        browser.Wait(d => d.FindElements(By.CssSelector("#accounts tbody tr[data-login='7401']")).Count == 1, PageLoad);

        browser.Open(new Uri(bridge.DashboardUrl, "/accounts/7401"));
        browser.Wait(d => d.FindElements(By.CssSelector("#positions tbody tr")).Count == 2, PageLoad);
        browser.Driver.FindElement(By.Id("halt")).Click();
        browser.Wait(d => d.FindElement(By.Id("message")).GetDomAttribute("data-state") == "HALTED", PageLoad);
        var decision = desk[7401].Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(10));
        Assert.Contains(ReasonCode.TradingHalted, decision.Reasons.Select(r => r.Code));

        // The settings page shows keys no file sets at their defaults, and the token masked.
        browser.Open(new Uri(bridge.DashboardUrl, "/settings"));
        browser.Wait(d => d.FindElements(By.CssSelector("#settings tbody tr")).Count > 5, PageLoad);
        var rows = browser.Driver.FindElements(By.CssSelector("#settings tbody tr"))
            .Select(r => r.FindElements(By.TagName("td")).Select(td => td.Text).ToArray())
            .ToDictionary(cells => cells[0], cells => (cells[1], cells[2]));
        Assert.Equal(("5", "live"), rows["Weekend:OtherPercent"]);
        Assert.Equal(("********", "restart"), rows["Dashboard:OperatorToken"]);
        Assert.DoesNotContain(token, browser.Driver.PageSource, StringComparison.Ordinal);
        browser.Screenshot("settings-with-token");
    }

    private static string EquityCell(Browser browser, long login) =>
        browser.Driver.FindElement(By.CssSelector($"#accounts tbody tr[data-login='{login}'] td[data-name='equity']")).Text;
}
