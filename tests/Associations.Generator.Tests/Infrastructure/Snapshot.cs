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
    /// A line diff (longest common subsequence) in hunks with three lines of context: <c>-</c> lines
    /// of the expected file and <c>+</c> lines of the actual one, each with its own line number.
    /// At most <paramref name="maxLines"/> lines are shown.
    /// </summary>
    public static string Diff(string expected, string actual, int maxLines = 80)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');

        // Common prefix and suffix are context; the LCS runs on what is left.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        int endA = a.Length, endB = b.Length;
        while (endA > prefix && endB > prefix && a[endA - 1] == b[endB - 1]) { endA--; endB--; }
        int n = endA - prefix, m = endB - prefix;

        var ops = new List<(char Kind, int A, int B)>();
        for (var i = 0; i < prefix; i++) ops.Add((' ', i, i));
        if ((long)n * m <= 4_000_000)
        {
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y]) { ops.Add((' ', prefix + x, prefix + y)); x++; y++; }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) { ops.Add(('-', prefix + x, -1)); x++; }
                else { ops.Add(('+', -1, prefix + y)); y++; }
            }
        }
        else
        {
            for (var i = prefix; i < endA; i++) ops.Add(('-', i, -1));
            for (var j = prefix; j < endB; j++) ops.Add(('+', -1, j));
        }
        for (int i = endA, j = endB; i < a.Length; i++, j++) ops.Add((' ', i, j));

        // Show changed lines and three lines of context around them.
        var show = new bool[ops.Count];
        for (var k = 0; k < ops.Count; k++)
            if (ops[k].Kind != ' ')
                for (var c = Math.Max(0, k - 3); c <= Math.Min(ops.Count - 1, k + 3); c++) show[c] = true;

        var sb = new StringBuilder();
        var written = 0;
        for (var k = 0; k < ops.Count; k++)
        {
            if (!show[k]) continue;
            if (k == 0 || !show[k - 1])
            {
                var first = ops[k];
                sb.Append($"@@ expected line {(first.A >= 0 ? first.A + 1 : NextA(ops, k) + 1)}, actual line {(first.B >= 0 ? first.B + 1 : NextB(ops, k) + 1)} @@\n");
            }
            if (written++ == maxLines) { sb.Append("… (diff truncated)\n"); break; }
            var (kind, ia, ib) = ops[k];
            sb.Append(kind switch
            {
                '-' => $"- {ia + 1,5}  {a[ia]}\n",
                '+' => $"+ {ib + 1,5}  {b[ib]}\n",
                _ => $"  {ia + 1,5}  {a[ia]}\n",
            });
        }
        return sb.ToString();

        static int NextA(List<(char Kind, int A, int B)> ops, int k) { while (k < ops.Count && ops[k].A < 0) k++; return k < ops.Count ? ops[k].A : 0; }
        static int NextB(List<(char Kind, int A, int B)> ops, int k) { while (k < ops.Count && ops[k].B < 0) k++; return k < ops.Count ? ops[k].B : 0; }
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
