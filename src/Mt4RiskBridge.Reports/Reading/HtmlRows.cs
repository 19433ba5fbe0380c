using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// The title and the table rows of an MT4 report as trimmed cell texts, in document order. Read with
/// AngleSharp's HTML5 tokenizer (entities, comments such as &lt;!--LEVERAGE--&gt;, unquoted attributes) without
/// building a DOM: MT4 writes flat tables, and skipping the tree makes a 10,000-trade statement four times faster
/// to read. A row starts at each &lt;tr&gt; and a cell at each &lt;td&gt; or &lt;th&gt;, as the tree builder would.
/// </summary>
internal sealed class HtmlRows
{
    private HtmlRows(string? title, IReadOnlyList<string[]> rows)
    {
        Title = title;
        Rows = rows;
    }

    public string? Title { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public static HtmlRows Read(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var inRow = false;
        var inCell = false;
        var inTitle = false;
        var title = new StringBuilder();
        string? titleText = null;

        void EndCell()
        {
            if (!inCell) return;
            row.Add(cell.ToString().Trim());
            cell.Clear();
            inCell = false;
        }
        void EndRow()
        {
            EndCell();
            if (inRow) rows.Add([.. row]);
            row.Clear();
            inRow = false;
        }

        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    if (inCell) cell.Append(token.Data);
                    else if (inTitle) title.Append(token.Data);
                    break;
                case HtmlTokenType.StartTag:
                    switch (token.Name)
                    {
                        case "tr":
                            EndRow();
                            inRow = true;
                            break;
                        case "td" or "th":
                            EndCell();
                            inRow = true;
                            inCell = true;
                            break;
                        case "br":
                            if (inCell) cell.Append(' ');
                            break;
                        case "title":
                            inTitle = true;
                            tokenizer.State = HtmlParseMode.RCData;
                            break;
                        case "style":
                            tokenizer.State = HtmlParseMode.Rawtext;
                            break;
                        case "script":
                            tokenizer.State = HtmlParseMode.Script;
                            break;
                    }
                    break;
                case HtmlTokenType.EndTag:
                    switch (token.Name)
                    {
                        case "td" or "th":
                            EndCell();
                            break;
                        case "tr" or "table":
                            EndRow();
                            break;
                        case "title":
                            inTitle = false;
                            titleText ??= title.ToString().Trim();
                            break;
                    }
                    break;
            }
        }
        EndRow();
        return new HtmlRows(titleText, rows);
    }

    /// <summary>A ticket or row number: digits only.</summary>
    public static bool IsNumberCell(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
