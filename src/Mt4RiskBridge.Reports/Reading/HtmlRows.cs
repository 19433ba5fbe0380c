using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Mt4RiskBridge.Reports;

/// <summary>The table rows of a parsed report as trimmed cell texts, in document order.</summary>
internal static class HtmlRows
{
    public static IEnumerable<string[]> Of(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("tr"))
        {
            if (element is not IHtmlTableRowElement row) continue;
            var cells = row.Cells;
            var texts = new string[cells.Length];
            for (var i = 0; i < texts.Length; i++) texts[i] = cells[i].TextContent.Trim();
            yield return texts;
        }
    }

    /// <summary>A ticket or row number: digits only.</summary>
    public static bool IsNumberCell(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
