using System;
using System.Collections.Concurrent;
using System.Text;
using Humanizer;
using Microsoft.CodeAnalysis.CSharp;

namespace Associations.Generator.Graph
{
    /// <summary>Sequelize's naming rules, in PascalCase, with every Humanizer call guarded.</summary>
    internal static class Naming
    {
        // Humanizer applies its rule lists on every call; the graph asks for the same few names again on every model
        // change, so the answers are kept (bounded: a pathological input cannot grow them without limit).
        private const int Kept = 4096;
        private static readonly ConcurrentDictionary<string, string> Plurals = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, string?> Singulars = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        public static string Pluralize(string word)
        {
            if (string.IsNullOrEmpty(word) || word.Length < 2) return word + "s";
            if (Plurals.TryGetValue(word, out var kept)) return kept;
            string plural;
            try
            {
                var result = word.Pluralize(inputIsKnownToBeSingular: false);
                plural = string.IsNullOrEmpty(result) ? word + "s" : result;
            }
            catch (Exception)
            {
                plural = word + "s";
            }
            Keep(Plurals, word, plural);
            return plural;
        }

        /// <summary>The singular of <paramref name="word"/>, or null when Humanizer cannot tell.</summary>
        public static string? TrySingularize(string word)
        {
            if (string.IsNullOrEmpty(word) || word.Length < 2) return null;
            if (Singulars.TryGetValue(word, out var kept)) return kept;
            string? singular;
            try
            {
                var result = word.Singularize(inputIsKnownToBePlural: false);
                singular = string.IsNullOrEmpty(result) ? null : result;
            }
            catch (Exception)
            {
                singular = null;
            }
            Keep(Singulars, word, singular);
            return singular;
        }

        private static void Keep<T>(ConcurrentDictionary<string, T> answers, string word, T answer)
        {
            if (answers.Count >= Kept) answers.Clear();
            answers.TryAdd(word, answer);
        }

        public static string Singularize(string word) => TrySingularize(word) ?? word;

        /// <summary><c>AuthorId</c> → <c>author_id</c>, <c>HTMLPage</c> → <c>html_page</c>.</summary>
        public static string Underscore(string name)
        {
            var sb = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    var prevLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                    var acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if ((prevLowerOrDigit || acronymEnd) && sb.Length > 0 && sb[sb.Length - 1] != '_') sb.Append('_');
                    sb.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }

        public static string Camel(string name) =>
            string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

        public static bool IsValidIdentifier(string name) =>
            SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

        /// <summary>A property name as C# code writes it (<c>@class</c> for a keyword).</summary>
        public static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>A parameter name that is a valid identifier (<c>@class</c> for keywords).</summary>
        public static string Parameter(string name)
        {
            var camel = Camel(name);
            return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
        }

        /// <summary>The UTF-8 length of a name: PostgreSQL keeps 63 bytes of an identifier.</summary>
        public static int Utf8Length(string name) => System.Text.Encoding.UTF8.GetByteCount(name);

        /// <summary>Whether PostgreSQL would cut <paramref name="name"/>.</summary>
        public static bool TooLong(string name) => Utf8Length(name) > 63;
    }
}
