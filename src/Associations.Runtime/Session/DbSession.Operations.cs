using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace Associations
{
    // One operation at a time, disposal, and the undo log of in-memory values (SPEC §10).
    //
    // The guard works like EF Core's concurrency detector, with one difference: work that the running
    // operation itself does on the same session (a hook calling db.InsertAsync, the body of
    // InTransactionAsync, the CRUD calls an accessor makes) is nested, not concurrent. An AsyncLocal
    // marker says "this async flow is inside operation X of this session"; a call that finds it is a
    // child of X, and X admits one child at a time. A call that does not find it is a new top-level
    // operation and needs the session to be idle.
    public sealed partial class DbSession
    {
        private static readonly AsyncLocal<OperationMarker?> CurrentOperation = new AsyncLocal<OperationMarker?>();

        /// <summary>1 while a top-level operation runs.</summary>
        private int _busy;

        private volatile bool _disposed;

        /// <summary>The operation the current async flow is inside, on some session; one level of nesting.</summary>
        internal sealed class OperationMarker
        {
            public OperationMarker(DbSession session) => Session = session;

            public DbSession Session { get; }

            /// <summary>1 while a nested call of this operation runs.</summary>
            public int ChildBusy;

            /// <summary>Set when the operation has returned (a task it started and did not await may still run).</summary>
            public bool Ended;
        }

        /// <summary>The scope of one call into the session: releases the slot it took.</summary>
        internal readonly struct OperationScope : IDisposable
        {
            private readonly DbSession? _session;
            private readonly OperationMarker? _parent;
            private readonly OperationMarker? _own;

            internal OperationScope(DbSession session, OperationMarker? parent, OperationMarker? own)
            {
                _session = session;
                _parent = parent;
                _own = own;
            }

            public void Dispose()
            {
                if (_session is null) return;
                if (_own is not null)
                {
                    _own.Ended = true;
                    CurrentOperation.Value = _parent;
                }
                if (_parent is null) Volatile.Write(ref _session._busy, 0);
                else Volatile.Write(ref _parent.ChildBusy, 0);
            }
        }

        /// <summary>
        /// Enters an operation: throws <see cref="ObjectDisposedException"/> after disposal and
        /// <see cref="InvalidOperationException"/> when another operation of this session is running
        /// (one that is not the caller's own enclosing operation). Call at the top of an async method, before any await.
        /// </summary>
        internal OperationScope EnterOperation()
        {
            var current = TakeSlot();
            var own = new OperationMarker(this);
            CurrentOperation.Value = own;
            return new OperationScope(this, current, own);
        }

        /// <summary>
        /// As <see cref="EnterOperation"/>, for a single statement that makes no further call into the session: it takes the
        /// same slot (so a concurrent call is refused just the same) but sets no marker for children, which saves the
        /// AsyncLocal writes (an execution-context copy each) on every command.
        /// </summary>
        internal OperationScope EnterStatement() => new OperationScope(this, TakeSlot(), null);

        /// <summary>Takes the session's slot (a top-level call) or the enclosing operation's child slot, or throws; returns the
        /// enclosing operation, if any.</summary>
        private OperationMarker? TakeSlot()
        {
            ThrowIfDisposed();
            var current = CurrentOperation.Value;
            if (current is not null && (!ReferenceEquals(current.Session, this) || current.Ended)) current = null;
            if (current is null)
            {
                if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) throw SecondOperation();
            }
            else if (Interlocked.CompareExchange(ref current.ChildBusy, 1, 0) != 0)
            {
                throw SecondOperation();
            }
            return current;
        }

        private static InvalidOperationException SecondOperation() => new InvalidOperationException(
            "A second operation started on this DbSession before the previous one completed. A DbSession, like the connection it wraps, " +
            "runs one operation at a time: await each call before starting the next, or give each concurrent task its own session.");

        /// <summary>Throws <see cref="ArgumentNullException"/> for a null statement or parameter list.</summary>
        private static void RequireCommand(string sql, IReadOnlyList<object?> parameters)
        {
            if (sql is null) throw new ArgumentNullException(nameof(sql));
            if (parameters is null) throw new ArgumentNullException(nameof(parameters));
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(DbSession), "This DbSession has been disposed; create a new one.");
        }

        // ------------------------------------------------------------------ undo log

        /// <summary>
        /// Records how to put back an in-memory value (a generated key, a foreign key, a navigation) that the
        /// running operation has just set. The entry belongs to the innermost transaction or savepoint the session
        /// began: it runs when that one rolls back, moves to the enclosing one when it is released, and is dropped
        /// when the outermost commits. Outside a transaction the session began, nothing is recorded (a statement in
        /// autocommit that succeeded is durable; a transaction someone else began ends where the session cannot see it).
        /// </summary>
        internal void RecordUndo(Action undo)
        {
            if (undo is null) throw new ArgumentNullException(nameof(undo));
            _innermost?.Undo.Add(undo);
        }

        /// <summary>Sets a value through <paramref name="set"/> and records how to put the previous one back.</summary>
        internal void SetTracked<TOwner>(TOwner owner, Func<TOwner, object?> get, Action<TOwner, object?> set, object? value)
        {
            var previous = get(owner);
            set(owner, value);
            if (_innermost is not null) _innermost.Undo.Add(() => set(owner, previous));
        }

        // ------------------------------------------------------------------ messages

        /// <summary>How many keys an error message lists before "… and N more".</summary>
        internal const int KeysShownInMessages = 10;

        /// <summary>"1, 2, 3" — at most <see cref="KeysShownInMessages"/> keys, then "… and N more".</summary>
        internal static string KeyListText(IEnumerable<object?> keys)
        {
            if (keys is null) throw new ArgumentNullException(nameof(keys));
            var shown = new List<string>(KeysShownInMessages);
            var total = 0;
            foreach (var key in keys)
            {
                if (total++ < KeysShownInMessages)
                    shown.Add(key is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : key?.ToString() ?? "null");
            }
            var text = string.Join(", ", shown);
            return total > KeysShownInMessages ? text + " … and " + (total - KeysShownInMessages).ToString(CultureInfo.InvariantCulture) + " more" : text;
        }

        /// <summary>
        /// Why deleting rows of <paramref name="model"/> broke a foreign key, for the error message: the models whose rows refuse
        /// it (ON DELETE RESTRICT / NO ACTION), and those whose rows would be pointed at their column default, which then
        /// references no row (ON DELETE SET DEFAULT); null when no foreign key to the model could.
        /// </summary>
        private static string? DeleteViolationHint(Metadata.ModelMetadata model, string them)
        {
            var refusing = ReferencingModels(model, a => a is ReferentialAction.Restrict or ReferentialAction.NoAction);
            var defaulted = ReferencingModels(model, a => a is ReferentialAction.SetDefault);
            var hints = new List<string>(2);
            if (refusing.Count > 0)
                hints.Add($"rows of {string.Join(", ", refusing)} may still reference {them} (ON DELETE RESTRICT or NO ACTION); delete or unlink them first");
            if (defaulted.Count > 0)
                hints.Add($"rows of {string.Join(", ", defaulted)} would be pointed at their column default, which must reference an existing row other than {them} (ON DELETE SET DEFAULT)");
            return hints.Count == 0 ? null : string.Join("; or ", hints);
        }

        /// <summary>The models whose foreign keys reference <paramref name="model"/>'s table with an ON DELETE action <paramref name="action"/> accepts.</summary>
        private static List<string> ReferencingModels(Metadata.ModelMetadata model, Func<ReferentialAction, bool> action)
        {
            var names = new List<string>();
            foreach (var other in model.Related.Append(model))
                foreach (var fk in other.ForeignKeys)
                    if (fk.Constraint && action(fk.OnDelete) && string.Equals(fk.ReferencedTable, model.Table, StringComparison.Ordinal) && !names.Contains(other.Name))
                        names.Add(other.Name);
            return names;
        }
    }
}
