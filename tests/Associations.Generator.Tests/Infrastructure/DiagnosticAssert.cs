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
}
