using System.Text.RegularExpressions;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>docs/protocol.md and its ```json examples, found from the repository root.</summary>
internal static partial class ProtocolDoc
{
    private static readonly Lazy<IReadOnlyList<string>> LazyExamples = new(() =>
        [.. JsonBlock().Matches(File.ReadAllText(Path)).Select(m => m.Groups[1].Value)]);

    public static string Path => System.IO.Path.Combine(RepositoryRoot(), "docs", "protocol.md");

    public static IReadOnlyList<string> Examples => LazyExamples.Value;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Mt4RiskBridge.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Mt4RiskBridge.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```json[ \t]*\r?\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex JsonBlock();
}
