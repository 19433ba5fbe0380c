namespace Mt4RiskBridge.Settings;

public sealed class HolidayOptions
{
    public string? Date { get; set; }
    public string Name { get; set; } = "";
    public List<string> Classes { get; set; } = [];
}
