using System;
using System.Collections.Generic;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// The short names one generated file uses: a <c>using __Name = global::Full.Name;</c> alias per type or namespace
    /// it mentions, written at the top of the file. Aliases start with two underscores, which user code does not use
    /// for types; a clash between two of them (two models called <c>Item</c>) gets a number.
    /// </summary>
    internal sealed class TypeNames
    {
        /// <summary>Names generated members already use inside a model class (a type alias must not be shadowed by them).</summary>
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
        {
            "__Associations", "__Stitches", "__Metadata", "__Graph",
        };

        private readonly Dictionary<string, string> _byTarget = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new HashSet<string>(Reserved, StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, string>> _aliases = new List<KeyValuePair<string, string>>();

        // A file asks for the same few names once per member: each kind is kept by the model's full name, so asking
        // again builds no string.
        private readonly Dictionary<string, string> _types = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _queryShapes = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _queries = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _links = new Dictionary<string, string>(StringComparer.Ordinal);
        private string? _task;
        private string? _generatedCode;

        /// <summary>A model (or junction) type, by its <c>global::</c> name.</summary>
        public string Type(string fullName) =>
            _types.TryGetValue(fullName, out var alias) ? alias : _types[fullName] = Alias(SimpleName(fullName), fullName);

        /// <summary>The query-shaping parameter type <c>Func&lt;Query&lt;T&gt;, Query&lt;T&gt;&gt;</c>.</summary>
        public string QueryShape(string fullName) =>
            _queryShapes.TryGetValue(fullName, out var alias) ? alias : _queryShapes[fullName] =
                Alias(SimpleName(fullName) + "Query", $"global::System.Func<{RuntimeNames.Query}<{fullName}>, {RuntimeNames.Query}<{fullName}>>");

        /// <summary><c>Query&lt;T&gt;</c>.</summary>
        public string QueryOf(string fullName) =>
            _queries.TryGetValue(fullName, out var alias) ? alias : _queries[fullName] = Alias("QueryOf" + SimpleName(fullName), $"{RuntimeNames.Query}<{fullName}>");

        /// <summary>The hidden <c>__Associations</c> class of a model, from outside it.</summary>
        public string Links(string fullName) =>
            _links.TryGetValue(fullName, out var alias) ? alias : _links[fullName] = Alias("Links", fullName + ".__Associations");

        public string Db => Alias("Db", RuntimeNames.DbSession);
        public string Ct => Alias("Ct", RuntimeNames.CancellationToken);
        public string Task => _task ??= Namespace("Tasks", RuntimeNames.Tasks) + ".Task";
        public string Collections => Namespace("Collections", RuntimeNames.Collections);
        public string Runtime => Namespace("A", RuntimeNames.Root);
        public string Meta => Namespace("Meta", RuntimeNames.Metadata);
        public string Values => Alias("Values", RuntimeNames.ColumnValues);
        public string ColumnType => Alias("ColumnType", RuntimeNames.ColumnType);
        public string Arg => Alias("Arg", RuntimeNames.Arg);
        public string Reader => Alias("Reader", RuntimeNames.DataReader);
        public string Stitches => Alias("KeyStitches", RuntimeNames.KeyStitches);
        public string Action => Alias("Action", RuntimeNames.ReferentialAction);
        public string GeneratedCode => _generatedCode ??= $"[{Alias("GeneratedCode", RuntimeNames.GeneratedCodeAttribute)}(\"Associations.Generator\", \"{Version}\")]";

        /// <summary>The generator's version, as <c>[GeneratedCode]</c> states it.</summary>
        public static readonly string Version = typeof(TypeNames).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

        /// <summary>A namespace alias (for generic types, which an alias cannot name open).</summary>
        private string Namespace(string name, string target) => Alias(name, target);

        private string Alias(string name, string target)
        {
            if (_byTarget.TryGetValue(target, out var alias)) return alias;
            var baseName = "__" + name;
            alias = baseName;
            for (var i = 2; !_names.Add(alias); i++) alias = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _byTarget.Add(target, alias);
            _aliases.Add(new KeyValuePair<string, string>(alias, target));
            return alias;
        }

        /// <summary><c>global::A.B.Name</c> → <c>Name</c> (<c>@event</c> → <c>event</c>: the alias is <c>__event</c>).</summary>
        private static string SimpleName(string fullName)
        {
            var at = Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf(':'));
            return fullName.Substring(at + 1).TrimStart('@');
        }

        /// <summary>The <c>using</c> aliases, in first-use order.</summary>
        public void WriteAliases(CodeWriter w)
        {
            foreach (var alias in _aliases) w.Line($"using {alias.Key} = {alias.Value};");
        }
    }
}
