using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace Associations.Generator.Tests.Infrastructure;

public static class DiagnosticAssert
{
    /// <summary>The one diagnostic <paramref name="id"/> the generator reported.</summary>
    public static Diagnostic Single(GeneratorResult result, string id)
    {
        var found = result.Diagnostics(id);
        if (found.Count != 1)
            throw new XunitException($"Expected exactly one {id}, found {found.Count}. Generator diagnostics:\n"
                + (result.GeneratorDiagnostics.Length == 0 ? "  (none)" : GeneratorResult.Describe(result.GeneratorDiagnostics)));
        return found[0];
    }

    /// <summary>1-based line of the first occurrence of <paramref name="snippet"/> in <paramref name="source"/>.</summary>
    public static int LineOf(string source, string snippet)
    {
        var index = source.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{snippet}' is not in the source");
        return source.Substring(0, index).Count(c => c == '\n') + 1;
    }

    /// <summary>
    /// The diagnostic points exactly at <paramref name="text"/> (default: all of <paramref name="context"/>)
    /// inside the first occurrence of <paramref name="context"/> in <paramref name="source"/> (file Models.cs).
    /// </summary>
    public static void At(Diagnostic diagnostic, string source, string context, string? text = null, string file = "Models.cs")
    {
        text ??= context;
        Assert.True(diagnostic.Location != Location.None, $"{diagnostic.Id} has no location: {diagnostic.GetMessage()}");
        var contextStart = source.IndexOf(context, StringComparison.Ordinal);
        Assert.True(contextStart >= 0, $"'{context}' is not in the source");
        var offset = context.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' is not in '{context}'");
        var expectedStart = contextStart + offset;

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(file, Path.GetFileName(span.Path));
        Assert.Equal(LineOf(source, context), span.StartLinePosition.Line + 1);
        var actual = source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        Assert.True(diagnostic.Location.SourceSpan.Start == expectedStart && actual == text,
            $"{diagnostic.Id} points at '{actual}' (offset {diagnostic.Location.SourceSpan.Start}), expected '{text}' (offset {expectedStart}).");
    }
    /// <summary>
    /// The diagnostic is the situation <paramref name="expected"/> (a descriptor of the generator's catalogue): its id, its
    /// message template, and its message formatted from that template with <paramref name="arguments"/>.
    /// </summary>
    public static void Is(Diagnostic diagnostic, DiagnosticDescriptor expected, params string[] arguments)
    {
        Assert.Equal(expected.Id, diagnostic.Id);
        var template = expected.MessageFormat.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(template, diagnostic.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Placeholders(template), arguments.Length);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, template, arguments), diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>How many arguments a message template takes: one more than its highest <c>{n}</c>.</summary>
    public static int Placeholders(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"(?<!\{)\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    /// <summary>The diagnostic's additional locations (the other sides of the mistake) cover exactly <paramref name="texts"/>, in order.</summary>
    public static void OthersAt(Diagnostic diagnostic, params string[] texts) =>
        Assert.Equal(texts, diagnostic.AdditionalLocations.Select(l => l.SourceTree!.GetText().ToString(l.SourceSpan)));

    /// <summary>The diagnostic's one additional location (the other side of the mistake) covers exactly <paramref name="text"/>.</summary>
    public static void OtherAt(Diagnostic diagnostic, string text, string file = "Models.cs")
    {
        var other = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(file, Path.GetFileName(other.GetLineSpan().Path));
        Assert.Equal(text, other.SourceTree!.GetText().ToString(other.SourceSpan));
    }
}
