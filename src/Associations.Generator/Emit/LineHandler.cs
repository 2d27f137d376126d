using System.Runtime.CompilerServices;
using System.Text;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// Writes an interpolated <see cref="CodeWriter.Line(ref LineHandler)"/> straight into the writer's buffer: a
    /// model's file is some ten thousand such lines, and building each as a string first doubled what the emitter
    /// allocated. The indentation is written before the first non-empty part, so an empty line stays empty, as
    /// <see cref="CodeWriter.Line(string)"/> writes it.
    /// </summary>
    [InterpolatedStringHandler]
    internal ref struct LineHandler
    {
        private readonly StringBuilder _sb;
        private readonly int _indent;
        private bool _started;

        public LineHandler(int literalLength, int formattedCount, CodeWriter writer)
        {
            _sb = writer.Buffer;
            _indent = writer.IndentLevel;
            _started = false;
        }

        public void AppendLiteral(string value) => Append(value);

        public void AppendFormatted(string? value) => Append(value);

        public void AppendFormatted<T>(T value) => Append(value?.ToString());

        private void Append(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (!_started)
            {
                _sb.Append(' ', _indent * 4);
                _started = true;
            }
            _sb.Append(value);
        }
    }
}

namespace System.Runtime.CompilerServices
{
    // The interpolated string handler attributes, which netstandard2.0 lacks; the compiler finds them by name.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    internal sealed class InterpolatedStringHandlerAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    internal sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        public InterpolatedStringHandlerArgumentAttribute(string argument) => Arguments = new[] { argument };

        public string[] Arguments { get; }
    }
}
