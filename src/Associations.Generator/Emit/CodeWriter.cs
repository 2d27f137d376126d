using System;
using System.Text;

namespace Associations.Generator.Emit
{
    /// <summary>A StringBuilder that keeps indentation, for generated code people will read.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _sb;

        /// <param name="capacity">Characters to reserve: a model's file runs to 10-60 KB, its header to a few hundred.</param>
        public CodeWriter(int capacity = 1024) => _sb = new StringBuilder(capacity);
        private int _indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
            _sb.Append('\n');
            return this;
        }

        /// <summary>An interpolated line, written in place by <see cref="LineHandler"/> (no string built first).</summary>
        public CodeWriter Line([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref LineHandler text)
        {
            _sb.Append('\n');
            return this;
        }

        internal StringBuilder Buffer => _sb;

        internal int IndentLevel => _indent;

        public CodeWriter Open(string text)
        {
            Line(text);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        /// <summary>Writes <paramref name="header"/> and an opening brace; disposing the result writes the closing brace.</summary>
        public IDisposable Block(string header)
        {
            Open(header);
            return new Closer(this);
        }

        public IDisposable Indent()
        {
            _indent++;
            return new Outdent(this);
        }

        /// <summary>Writes <c>/// &lt;summary&gt;</c> documentation, escaping XML.</summary>
        public CodeWriter Summary(string text) => Line("/// <summary>" + text + "</summary>");

        public static string Xml(string text)
        {
            var xml = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
            // A line break would end the /// comment and leave the rest as code.
            return xml.IndexOfAny(LineBreaks) < 0 ? xml : string.Join(" ", xml.Split(LineBreaks));
        }

        /// <summary>Every character C# treats as the end of a line.</summary>
        public static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

        /// <summary>
        /// A C# string literal for <paramref name="text"/>: a raw literal (<c>"""…"""</c>) when the text has quotes a raw
        /// literal can hold (SQL's quoted identifiers read as they run), else a regular literal with every quote,
        /// backslash and control character escaped.
        /// </summary>
        public static string Literal(string text)
        {
            var raw = text.IndexOf('"') >= 0 && text.IndexOf("\"\"\"", StringComparison.Ordinal) < 0
                && text.IndexOfAny(LineBreaks) < 0 && text[0] != '"' && text[text.Length - 1] != '"' && !HasControl(text);
            return raw ? "\"\"\"" + text + "\"\"\"" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
        }

        private static bool HasControl(string text)
        {
            foreach (var c in text)
                if (char.IsControl(c) || char.IsSurrogate(c)) return true;
            return false;
        }

        /// <summary>
        /// Puts <paramref name="head"/>'s text in front of this writer's (a file's header, written after its body has
        /// named every alias). A StringBuilder inserts at its start by adding a chunk, not by moving the body.
        /// </summary>
        public CodeWriter Prepend(CodeWriter head)
        {
            _sb.Insert(0, head.ToString());
            return this;
        }

        public override string ToString() => _sb.ToString();

        private sealed class Closer : IDisposable
        {
            private readonly CodeWriter _writer;

            public Closer(CodeWriter writer) => _writer = writer;

            public void Dispose() => _writer.Close();
        }

        private sealed class Outdent : IDisposable
        {
            private readonly CodeWriter _writer;

            public Outdent(CodeWriter writer) => _writer = writer;

            public void Dispose() => _writer._indent--;
        }
    }
}
