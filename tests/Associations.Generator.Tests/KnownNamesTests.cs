using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using Associations.Generator.Tests.Infrastructure;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// STYLE.md practice 1: the generator matches attributes by metadata name without loading the
/// runtime; these constants must stay equal to the real types' names.
/// </summary>
public class KnownNamesTests
{
    private static readonly Type KnownNames =
        typeof(AssociationsGenerator).Assembly.GetType("Associations.Generator.Parsing.KnownNames", throwOnError: true)!;

    private static string Constant(string name) =>
        (string?)KnownNames.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
        ?? throw new Xunit.Sdk.XunitException($"KnownNames.{name} does not exist");

    public static TheoryData<string, Type> Expected => new()
    {
        { "HasOne", typeof(HasOneAttribute) },
        { "BelongsTo", typeof(BelongsToAttribute) },
        { "HasMany", typeof(HasManyAttribute) },
        { "BelongsToMany", typeof(BelongsToManyAttribute) },
        { "Model", typeof(ModelAttribute) },
        { "Timestamps", typeof(TimestampsAttribute) },
        { "Paranoid", typeof(ParanoidAttribute) },
        { "AssociationDefaults", typeof(AssociationDefaultsAttribute) },
        { "Table", typeof(TableAttribute) },
        { "Column", typeof(ColumnAttribute) },
        { "NotMapped", typeof(NotMappedAttribute) },
        { "DatabaseGenerated", typeof(DatabaseGeneratedAttribute) },
        { "Key", typeof(KeyAttribute) },
        { "MaxLength", typeof(MaxLengthAttribute) },
        { "StringLength", typeof(StringLengthAttribute) },
        { "Required", typeof(RequiredAttribute) },
        { "DefaultValue", typeof(System.ComponentModel.DefaultValueAttribute) },
        { "Scope", typeof(ScopeAttribute) },
        { "Query", typeof(Query<>) },
        { "Obsolete", typeof(ObsoleteAttribute) },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void ConstantEqualsTheAttributesFullName(string constant, Type attribute) =>
        Assert.Equal(attribute.FullName, Constant(constant));

    [Fact]
    public void EveryConstantIsChecked()
    {
        var constants = KnownNames.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name).OrderBy(n => n);
        var checkedNames = Expected.Select(row => (string)row[0]).OrderBy(n => n);
        Assert.Equal(checkedNames, constants);
    }

    [Fact]
    public void EveryAssociationAttributeOfTheRuntimeIsKnown()
    {
        var attributes = typeof(AssociationAttribute).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(AssociationAttribute)) && !t.IsAbstract)
            .Select(t => t.FullName!)
            .OrderBy(n => n);
        var known = new[] { "HasOne", "BelongsTo", "HasMany", "BelongsToMany" }.Select(Constant).OrderBy(n => n);
        Assert.Equal(known, attributes);
    }

    [Fact]
    public void TrackingNamesUsedByTheCachingTestsExist()
    {
        Assert.Equal("Graph", TrackingNamesOf.Graph);
        Assert.Equal("Models", TrackingNamesOf.Models);
        Assert.Contains(TrackingNamesOf.Declarations, TrackingNamesOf.All);
    }
}
