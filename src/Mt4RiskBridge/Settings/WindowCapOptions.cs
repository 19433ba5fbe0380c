namespace Mt4RiskBridge.Settings;

public sealed class WindowCapOptions
{
    public List<string> Patterns { get; set; } = [];
    public List<string> Classes { get; set; } = [];
    public string? MaxLeverage { get; set; }
    public bool Weekend { get; set; } = true;
    public bool News { get; set; } = true;
}
