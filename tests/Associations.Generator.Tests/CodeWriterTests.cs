using Associations.Generator.Emit;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// The writer every emitter goes through: an interpolated line is written in place (LineHandler) and must read exactly
/// as the same text passed as a string would.
/// </summary>
public class CodeWriterTests
{
    [Fact]
    public void Interpolated_lines_read_as_the_same_text_passed_as_a_string()
    {
        string empty = "", name = "Post";
        int? none = null;
        var count = 3;

        var interpolated = new CodeWriter();
        var plain = new CodeWriter();
        foreach (var w in new[] { interpolated, plain }) w.Open("class C");

        interpolated.Line($"public {name} P{count} {{ get; set; }}");
        plain.Line("public " + name + " P" + count + " { get; set; }");
        // A line whose parts are all empty stays empty: no indentation left behind.
        interpolated.Line($"{empty}{none}");
        plain.Line(empty + none);
        using (interpolated.Indent()) interpolated.Line($"{name}{empty}.{count}");
        using (plain.Indent()) plain.Line(name + "." + count);
        interpolated.Line($"x{empty}");
        plain.Line("x");
        interpolated.Close();
        plain.Close();

        Assert.Equal(plain.ToString(), interpolated.ToString());
        Assert.Contains("\n    public Post P3 { get; set; }\n\n        Post.3\n    x\n}\n", interpolated.ToString());
    }

    [Fact]
    public void A_header_prepended_comes_first_and_the_body_is_unchanged()
    {
        var body = new CodeWriter();
        body.Open("class C");
        body.Line("int X;");
        body.Close();
        var before = body.ToString();
        var head = new CodeWriter();
        head.Line("using A = global::B;");
        head.Line();

        Assert.Equal("using A = global::B;\n\n" + before, body.Prepend(head).ToString());
    }
}
