namespace Mt4RiskBridge.Tests;

/// <summary>Finds files of the checkout (docs, settings) from the test binary's folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mt4RiskBridge.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Mt4RiskBridge.sln not found above " + AppContext.BaseDirectory);
    }
}
