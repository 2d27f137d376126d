using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Associations.Generator.Tests.Infrastructure;

/// <summary>
/// Checked-in snapshots of generated code: <c>Snapshots/&lt;TestName&gt;/&lt;hintName&gt;</c> per
/// generated file plus <c>diagnostics.txt</c>. Set <c>ASSOCIATIONS_UPDATE_SNAPSHOTS=1</c> to rewrite
/// them from the current output (then review the diff in git: they are what users read).
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "ASSOCIATIONS_UPDATE_SNAPSHOTS";
    public const string DiagnosticsFile = "diagnostics.txt";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Compares every generated file and the diagnostics with the snapshot folder of the calling test.</summary>
    public static void Verify(GeneratorResult result, [CallerMemberName] string testName = "", [CallerFilePath] string callerFile = "")
    {
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in result.Files) actual[file.HintName] = file.Text;
        actual[DiagnosticsFile] = result.DiagnosticsText();
        Verify(actual, testName, callerFile);
    }

    /// <param name="update">null: from the environment variable (tests of this helper pass it explicitly).</param>
    public static void Verify(IReadOnlyDictionary<string, string> actual, string testName, string callerFile, bool? update = null)
    {
        actual = actual.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value), StringComparer.Ordinal);
        var directory = Path.Combine(ProjectDirectory(callerFile), "Snapshots", testName);
        var existing = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Select(Path.GetFileName).Select(n => n!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

        if (update ?? Updating)
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, text) in actual) File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
            foreach (var stale in existing.Where(n => !actual.ContainsKey(n))) File.Delete(Path.Combine(directory, stale));
            return;
        }

        var failures = new List<string>();
        foreach (var (name, text) in actual.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                failures.Add($"Missing snapshot {Relative(path, callerFile)}. Create it by running the tests with {UpdateVariable}=1 "
                    + $"(e.g. `{UpdateVariable}=1 dotnet test tests/Associations.Generator.Tests`), then review and commit it.");
                continue;
            }
            var expected = Normalize(File.ReadAllText(path));
            if (expected != text)
                failures.Add($"Snapshot {Relative(path, callerFile)} differs (- expected, + actual):\n{Diff(expected, text)}");
        }
        foreach (var stale in existing.Where(n => !actual.ContainsKey(n)).OrderBy(n => n, StringComparer.Ordinal))
            failures.Add($"Snapshot {Relative(Path.Combine(directory, stale), callerFile)} exists but the generator no longer produces '{stale}'.");

        if (failures.Count > 0)
            throw new XunitException(string.Join("\n\n", failures)
                + $"\n\nIf the new output is right, rerun with {UpdateVariable}=1 to rewrite the snapshots of '{testName}'.");
    }

    /// <summary>CRLF/CR → LF, so snapshots compare the same on every OS and git setting.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>
    /// The first differing region, with line numbers and three lines of context: the common prefix and
    /// suffix are trimmed, what remains is shown as removed (expected) and added (actual) lines.
    /// </summary>
    public static string Diff(string expected, string actual, int maxLines = 40)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        int endA = a.Length, endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }

        var sb = new StringBuilder();
        sb.Append($"@@ expected lines {start + 1}-{endA}, actual lines {start + 1}-{endB} @@\n");
        for (var i = Math.Max(0, start - 3); i < start; i++) sb.Append($"  {i + 1,5}  {a[i]}\n");
        var shown = 0;
        for (var i = start; i < endA && shown < maxLines; i++, shown++) sb.Append($"- {i + 1,5}  {a[i]}\n");
        if (endA - start > maxLines) sb.Append($"- … {endA - start - maxLines} more expected lines\n");
        shown = 0;
        for (var i = start; i < endB && shown < maxLines; i++, shown++) sb.Append($"+ {i + 1,5}  {b[i]}\n");
        if (endB - start > maxLines) sb.Append($"+ … {endB - start - maxLines} more actual lines\n");
        for (var i = endA; i < Math.Min(a.Length, endA + 3); i++) sb.Append($"  {i + 1,5}  {a[i]}\n");
        return sb.ToString();
    }

    private static string ProjectDirectory(string callerFile)
    {
        // The caller lives somewhere under the test project; its folder holds the .csproj.
        var directory = Path.GetDirectoryName(callerFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Associations.Generator.Tests.csproj")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException($"No test project above '{callerFile}'.");
    }

    private static string Relative(string path, string callerFile) => Path.GetRelativePath(ProjectDirectory(callerFile), path);
}
