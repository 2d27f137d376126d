using Microsoft.Extensions.Logging;

namespace Associations
{
    /// <summary>
    /// The <see cref="EventId"/>s a <see cref="DbSession"/> logs, stable across versions so that logs can be filtered on them
    /// (as EF Core's <c>RelationalEventId</c>). Levels follow EF Core: executing at Debug, executed at Information, failures at
    /// Error, transactions at Debug, schema sync at Information. Parameter values appear only with
    /// <see cref="DbSessionOptions.EnableSensitiveDataLogging"/>.
    /// </summary>
    public static class AssociationsEvents
    {
        /// <summary>A command is about to run (Debug): its SQL and parameters.</summary>
        public static readonly EventId CommandExecuting = new EventId(1000, "Associations.CommandExecuting");

        /// <summary>A command ran (Information): elapsed milliseconds, SQL and parameters. For a reader, the time until its last row was read.</summary>
        public static readonly EventId CommandExecuted = new EventId(1001, "Associations.CommandExecuted");

        /// <summary>A command failed (Error): elapsed milliseconds, SQL, parameters and the provider's exception.</summary>
        public static readonly EventId CommandFailed = new EventId(1002, "Associations.CommandFailed");

        /// <summary>A command was canceled through its <c>CancellationToken</c> (Debug, as EF Core logs <c>CommandCanceled</c>): not an error of the database.</summary>
        public static readonly EventId CommandCanceled = new EventId(1003, "Associations.CommandCanceled");

        /// <summary>A transaction began (Debug).</summary>
        public static readonly EventId TransactionStarted = new EventId(1100, "Associations.TransactionStarted");

        /// <summary>A transaction was committed (Debug).</summary>
        public static readonly EventId TransactionCommitted = new EventId(1101, "Associations.TransactionCommitted");

        /// <summary>A transaction was rolled back (Debug).</summary>
        public static readonly EventId TransactionRolledBack = new EventId(1102, "Associations.TransactionRolledBack");

        /// <summary>A savepoint was created inside the ambient transaction (Debug).</summary>
        public static readonly EventId SavepointCreated = new EventId(1103, "Associations.SavepointCreated");

        /// <summary>A savepoint was released: its work joins the enclosing transaction (Debug).</summary>
        public static readonly EventId SavepointReleased = new EventId(1104, "Associations.SavepointReleased");

        /// <summary>The work since a savepoint was rolled back (Debug).</summary>
        public static readonly EventId SavepointRolledBack = new EventId(1105, "Associations.SavepointRolledBack");

        /// <summary>A transaction commit or rollback failed (Error).</summary>
        public static readonly EventId TransactionFailed = new EventId(1106, "Associations.TransactionFailed");

        /// <summary><c>SyncAsync</c> runs a schema statement (Information), as EF Core logs each migration command.</summary>
        public static readonly EventId SyncStatement = new EventId(1200, "Associations.SyncStatement");
    }
}
