using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Associations.Generator.Tests.Samples;

// Deliberately bad (and good) pipeline-value shapes: ModelShapeTests must flag the bad ones, which
// proves its checks can fail.

internal sealed record BadLocation(string Name, Location Where);

internal readonly record struct BadGenericArgument(ImmutableArray<ISymbol> Symbols);

internal sealed record BadArray(Dictionary<string, SyntaxNode[]> Nodes);

internal sealed class Holder
{
#pragma warning disable CS0649 // a field only the shape test reads, by reflection
    public Compilation? Compilation;
#pragma warning restore CS0649
}

internal sealed record BadIndirect(Holder Holder);

internal sealed record Good(string Name, int Count, ImmutableArray<string> Names, int? Maybe);

internal sealed record BadReferenceEquality(string Name, string[] Parts);

internal sealed record GoodValueEquality(string Name, int? Count, Good Inner);
