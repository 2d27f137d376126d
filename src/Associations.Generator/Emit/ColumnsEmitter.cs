using Associations.Generator.Graph;
using Associations.Generator.Model;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>The typed columns of a model (<c>Post.Columns.Title</c>), for <c>Where</c>, <c>OrderBy</c> and setters.</summary>
    internal static class ColumnsEmitter
    {
        public static void Write(CodeWriter w, TypeNames n, ModelSpec model)
        {
            var m = n.Type(model.FullName);
            w.Line("// ---- Typed columns and metadata");
            w.Line();
            w.Summary($"Typed columns of <c>{model.Name}</c> for <c>Where</c> and <c>OrderBy</c>: <c>{model.Name}.Columns.{model.Columns[0].Property} == value</c>.");
            w.Line(n.GeneratedCode);
            w.Open("public static class Columns");
            foreach (var c in model.Columns)
            {
                w.Summary($"Column <c>{CodeWriter.Xml(c.Column)}</c>.");
                if (c.Storage == ColumnStorage.String && c.EnumUnderlying is null && c.ValueType == "string")
                    w.Line($"public static readonly {n.Runtime}.StringColumn<{m}> {c.Property} = new(\"{c.Property}\", {CodeWriter.Literal(c.Column)}, {Bool(c.Nullable)});");
                else
                    w.Line($"public static readonly {n.Runtime}.{(c.Storage == ColumnStorage.Bytes ? "Column" : "OrderedColumn")}<{m}, {c.PropertyType}> {c.Property} = new(\"{c.Property}\", {CodeWriter.Literal(c.Column)}, {n.ColumnType}.{c.Storage}, {Bool(c.Nullable)});");
            }
            w.Close();
            w.Line();
        }
    }
}
