using Associations.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace Associations.CodeFixes.Tests;

/// <summary>ASSOC005 → <see cref="MakePartialCodeFixProvider"/>: the fixed class compiles with its generated members.</summary>
public class MakePartialFixTests
{
    private static readonly MakePartialCodeFixProvider Provider = new();

    [Fact]
    public async Task Adds_partial_after_the_other_modifiers()
    {
        const string source = """
            using Associations;
            namespace Shop;

            [HasMany(typeof(Order))]
            public sealed class Customer { public int Id { get; set; } }

            public partial class Order { public int Id { get; set; } }
            """;
        var text = await FixAndVerifyAsync(source);
        Assert.Contains("public sealed partial class Customer { public int Id { get; set; } }", text);
        Assert.Equal(source.Replace("public sealed class Customer", "public sealed partial class Customer"), text);
    }

    [Fact]
    public async Task Keeps_comments_and_attributes_when_the_class_has_no_modifiers()
    {
        const string source = """
            using Associations;
            namespace Shop;

            /// <summary>A customer.</summary>
            [HasMany(typeof(Order))]
            class Customer
            {
                public int Id { get; set; }
            }

            public partial class Order { public int Id { get; set; } }
            """;
        var text = await FixAndVerifyAsync(source);
        Assert.Equal(source.Replace("\nclass Customer", "\npartial class Customer"), text);
    }

    [Fact]
    public async Task Fixes_a_target_model_that_is_not_partial()
    {
        const string source = """
            using Associations;
            namespace Shop;

            [HasMany(typeof(Order))]
            public partial class Customer { public int Id { get; set; } }

            public class Order { public int Id { get; set; } }
            """;
        var text = await FixAndVerifyAsync(source);
        Assert.Contains("public partial class Order {", text);
    }

    [Fact]
    public async Task Adds_partial_to_the_declaration_in_another_file()
    {
        // One declaration is partial, the other (in another file) is not: the compiler says CS0260, the
        // generator says ASSOC005 on the first declaration; the fix edits the second file.
        const string first = """
            using Associations;
            namespace Shop;

            [HasMany(typeof(Order))]
            public partial class Customer { public int Id { get; set; } }

            public partial class Order { public int Id { get; set; } }
            """;
        const string second = """
            namespace Shop;

            public class Customer
            {
                public string Name { get; set; } = "";
            }
            """;
        var project = FixHarness.CreateProject(first, second);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostic = run.Single("ASSOC005");
        Assert.Contains("is not partial", diagnostic.GetMessage());

        var solution = await FixHarness.ApplyAsync(Provider, FixHarness.Document(project), diagnostic);
        Assert.Equal(first, await FixHarness.TextAsync(solution, project));
        Assert.Equal(second.Replace("public class Customer", "public partial class Customer"), await FixHarness.TextAsync(solution, project, "Models1.cs"));

        var after = await FixHarness.RunGeneratorAsync(solution.GetProject(project.Id)!);
        Assert.Empty(after.Diagnostics("ASSOC005"));
        after.AssertNoErrors();
    }

    [Fact]
    public async Task Works_on_the_diagnostic_as_the_IDE_locates_it()
    {
        const string source = """
            using Associations;
            [HasOne(typeof(Profile))]
            public class User { public int Id { get; set; } }
            public partial class Profile { public int Id { get; set; } }
            """;
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var document = FixHarness.Document(project);
        var diagnostic = await FixHarness.InDocumentAsync(run.Single("ASSOC005"), document);
        Assert.True(diagnostic.Location.IsInSource);

        var solution = await FixHarness.ApplyAsync(Provider, document, diagnostic);
        Assert.Contains("public partial class User {", await FixHarness.TextAsync(solution, project));
    }

    [Theory]
    [InlineData("[Model] public static class User { public static int Id { get; set; } }", "is static")]
    [InlineData("[Model] public partial record struct User { public int Id { get; set; } }", "is not a class")]
    [InlineData("[Model] public class User<T> { public int Id { get; set; } }", "is generic")]
    [InlineData("public partial class Outer<T> { [Model] public partial class User { public int Id { get; set; } } }", "is nested in the generic type")]
    [InlineData("[Model] public abstract partial class User { public int Id { get; set; } }", "is abstract")]
    public async Task Is_not_offered_when_partial_is_not_the_problem(string declaration, string problem)
    {
        var project = FixHarness.CreateProject("using Associations;\n" + declaration + "\n");
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostic = run.Single("ASSOC005");
        Assert.Contains(problem, diagnostic.GetMessage());
        Assert.Empty(await FixHarness.ActionsAsync(Provider, FixHarness.Document(project), diagnostic));
    }

    [Fact]
    public async Task Makes_a_record_class_model_partial()
    {
        const string source = """
            using Associations;
            namespace Shop;

            [HasMany(typeof(Order))]
            public sealed record Customer { public int Id { get; set; } }

            public partial class Order { public int Id { get; set; } }
            """;
        var text = await FixAndVerifyAsync(source);
        Assert.Equal(source.Replace("public sealed record Customer", "public sealed partial record Customer"), text);
    }

    [Fact]
    public async Task Makes_a_nested_model_and_its_containers_partial()
    {
        const string source = """
            using Associations;
            namespace Shop;

            public static class Outer
            {
                internal struct Middle
                {
                    [HasMany(typeof(Order))]
                    public class Customer { public int Id { get; set; } }
                }
            }

            public partial class Order { public int Id { get; set; } }
            """;
        var text = await FixAndVerifyAsync(source);
        Assert.Equal(source
            .Replace("public static class Outer", "public static partial class Outer")
            .Replace("internal struct Middle", "internal partial struct Middle")
            .Replace("public class Customer", "public partial class Customer"), text);
    }

    [Fact]
    public async Task Fix_all_in_document_makes_every_model_partial()
    {
        const string source = """
            using Associations;
            namespace Shop;

            [HasMany(typeof(Order))]
            public class Customer { public int Id { get; set; } }

            [BelongsTo(typeof(Customer))]
            public class Order { public int Id { get; set; } }

            public class Invoice { public int Id { get; set; } }
            """;
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostics = run.Diagnostics("ASSOC005");
        Assert.Equal(2, diagnostics.Count);

        var solution = await FixHarness.FixAllAsync(Provider, FixHarness.Document(project), MakePartialCodeFixProvider.EquivalenceKey, diagnostics);
        var text = await FixHarness.TextAsync(solution, project);
        Assert.Contains("public partial class Customer {", text);
        Assert.Contains("public partial class Order {", text);
        Assert.Contains("public class Invoice {", text); // not a model: left alone

        var after = await FixHarness.RunGeneratorAsync(solution.GetProject(project.Id)!);
        Assert.Empty(after.Diagnostics("ASSOC005"));
        after.AssertNoErrors();
    }

    /// <summary>Diagnose, fix, diagnose again: ASSOC005 gone, the project (with generated code) compiles.</summary>
    private static async Task<string> FixAndVerifyAsync(string source)
    {
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostic = run.Single("ASSOC005");
        Assert.Contains("is not partial", diagnostic.GetMessage());

        var solution = await FixHarness.ApplyAsync(Provider, FixHarness.Document(project), diagnostic);
        var text = await FixHarness.TextAsync(solution, project);

        var after = await FixHarness.RunGeneratorAsync(solution.GetProject(project.Id)!);
        Assert.Empty(after.Diagnostics("ASSOC005"));
        after.AssertNoErrors();
        return text;
    }
}
