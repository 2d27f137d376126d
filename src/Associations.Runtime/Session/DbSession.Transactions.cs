using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Associations
{
    // The ambient transaction: InTransactionAsync and BeginTransactionAsync open it (or a savepoint
    // inside it when one is already open); every command of the session joins it.
    public sealed partial class DbSession
    {
        /// <summary>Runs <paramref name="work"/> in a transaction: commits when it returns, rolls back when it throws.
        /// Nested calls use savepoints, so an inner failure undoes only the inner work.</summary>
        public Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken = default)
        {
            if (work is null) throw new ArgumentNullException(nameof(work));
            return AtomicAsync(async _ =>
            {
                await work().ConfigureAwait(false);
                return true;
            }, cancellationToken);
        }

        /// <summary>Runs <paramref name="work"/> in a transaction and returns its result.</summary>
        public Task<TResult> InTransactionAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken = default)
        {
            if (work is null) throw new ArgumentNullException(nameof(work));
            return AtomicAsync(_ => work(), cancellationToken);
        }

        /// <summary>Opens a transaction (a savepoint when one is open) that the session's commands join until it ends.
        /// Dispose without <c>CommitAsync</c> rolls it back.</summary>
        public async Task<DbSessionTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        {
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            if (CurrentTransaction is null)
            {
                CurrentTransaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                LogTransaction(AssociationsEvents.TransactionStarted, null);
                return new DbSessionTransaction(this, CurrentTransaction, null);
            }
            var name = "assoc_sp" + (++_savepoints).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await CurrentTransaction.SaveAsync(name, cancellationToken).ConfigureAwait(false);
            LogTransaction(AssociationsEvents.SavepointCreated, name);
            return new DbSessionTransaction(this, CurrentTransaction, name);
        }

        internal void EndTransaction(DbTransaction transaction)
        {
            if (ReferenceEquals(CurrentTransaction, transaction)) CurrentTransaction = null;
        }

        /// <summary>Runs <paramref name="work"/> atomically: in its own transaction, or in a savepoint of the ambient one.</summary>
        public async Task<TResult> AtomicAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
        {
            await using var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>A transaction (or savepoint) of a <see cref="DbSession"/>; rolled back on dispose unless committed.</summary>
    public sealed class DbSessionTransaction : IAsyncDisposable
    {
        private readonly DbSession _session;
        private readonly DbTransaction _transaction;
        private readonly string? _savepoint;
        private bool _completed;

        internal DbSessionTransaction(DbSession session, DbTransaction transaction, string? savepoint)
        {
            _session = session;
            _transaction = transaction;
            _savepoint = savepoint;
        }

        /// <summary>The provider transaction (shared with enclosing ones when this is a savepoint).</summary>
        public DbTransaction Transaction => _transaction;

        /// <summary>Commits (or releases the savepoint).</summary>
        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_completed) throw new InvalidOperationException("The transaction has already been committed or rolled back.");
            _completed = true;
            if (_savepoint is null)
            {
                try
                {
                    await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    _session.LogTransaction(AssociationsEvents.TransactionCommitted, null);
                }
                catch (Exception error) when (_session.TransactionFailed("commit", error)) { throw; }
                finally
                {
                    _session.EndTransaction(_transaction);
                    await _transaction.DisposeAsync().ConfigureAwait(false);
                }
            }
            else
            {
                await _transaction.ReleaseAsync(_savepoint, cancellationToken).ConfigureAwait(false);
                _session.LogTransaction(AssociationsEvents.SavepointReleased, _savepoint);
            }
        }

        /// <summary>Rolls back (to the savepoint, when this is one).</summary>
        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            if (_completed) return;
            _completed = true;
            if (_savepoint is null)
            {
                try
                {
                    await _transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    _session.LogTransaction(AssociationsEvents.TransactionRolledBack, null);
                }
                catch (Exception error) when (_session.TransactionFailed("roll back", error)) { throw; }
                finally
                {
                    _session.EndTransaction(_transaction);
                    await _transaction.DisposeAsync().ConfigureAwait(false);
                }
            }
            else
            {
                await _transaction.RollbackAsync(_savepoint, cancellationToken).ConfigureAwait(false);
                await _transaction.ReleaseAsync(_savepoint, cancellationToken).ConfigureAwait(false);
                _session.LogTransaction(AssociationsEvents.SavepointRolledBack, _savepoint);
            }
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            if (!_completed) await RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
