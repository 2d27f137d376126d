using Associations.Generator.Graph;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// The parts of an association's accessor signatures every overload shares, as the short names of one file. Each group
    /// of overloads documents its SQL once, on its first member; the others say only what differs.
    /// </summary>
    internal sealed class AccessorSignature
    {
        public AccessorSignature(TypeNames n, AssociationSpec a)
        {
            Access = Snippets.Access(a);
            Target = n.Type(a.Target.FullName);
            Query = n.QueryShape(a.Target.FullName);
            Task = n.Task;
            Db = n.Db;
            Ct = n.Ct;
            Arg = n.Arg;
            List = $"{n.Collections}.List<{Target}>";
            Enumerable = $"{n.Collections}.IEnumerable";
            Link = $"__Associations.{a.Name}";
        }

        public string Access { get; }
        public string Target { get; }
        public string Query { get; }
        public string Task { get; }
        public string Db { get; }
        public string Ct { get; }
        public string Arg { get; }
        public string List { get; }
        public string Enumerable { get; }

        /// <summary>The association's runtime object: <c>__Associations.{Name}</c>.</summary>
        public string Link { get; }

        /// <summary><c>Arg.NotNull(x, nameof(x))</c>.</summary>
        public string NotNull(string parameter) => $"{Arg}.NotNull({parameter}, nameof({parameter}))";
    }
}
