using System;
using System.Data.Common;
using Associations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>
    /// <c>services.AddAssociations(…)</c>: a scoped <see cref="DbSession"/> (one per ASP.NET Core request, or per
    /// <c>IServiceScope</c>) over a connection of its own, disposed with the scope. Like EF Core's <c>AddDbContext</c>,
    /// the session is scoped because it is a unit of work on one connection and is not thread-safe; like Npgsql's
    /// <c>AddNpgsqlDataSource</c>, connections come from a data source that pools them.
    /// </summary>
    public static class AssociationsServiceCollectionExtensions
    {
        /// <summary>The logger category of the sessions registered here (as EF Core logs under <c>Microsoft.EntityFrameworkCore.*</c>).</summary>
        public const string LoggerCategory = "Associations";

        /// <summary>
        /// Registers a scoped <see cref="DbSession"/> over the connection <paramref name="connectionFactory"/> creates for each
        /// scope (the session owns and disposes it). The general form, with no provider dependency:
        /// <c>services.AddAssociations(sp =&gt; sp.GetRequiredService&lt;NpgsqlDataSource&gt;().CreateConnection())</c>.
        /// </summary>
        public static IServiceCollection AddAssociations(this IServiceCollection services, Func<IServiceProvider, DbConnection> connectionFactory,
            Action<DbSessionOptions>? configure = null)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (connectionFactory is null) throw new ArgumentNullException(nameof(connectionFactory));
            var options = new DbSessionOptions();
            configure?.Invoke(options);
            options.OwnsConnection = true;
            services.AddSingleton(options);
            services.AddScoped(provider => new DbSession(
                connectionFactory(provider) ?? throw new InvalidOperationException("The connection factory given to AddAssociations returned null."),
                options,
                (provider.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger(LoggerCategory)));
            return services;
        }

        /// <summary>
        /// Registers a scoped <see cref="DbSession"/> over connections of <paramref name="dataSource"/> (for instance an
        /// <c>NpgsqlDataSource</c> built with <c>NpgsqlDataSource.Create(connectionString)</c>: one pool, shared by the app).
        /// </summary>
        public static IServiceCollection AddAssociations(this IServiceCollection services, DbDataSource dataSource, Action<DbSessionOptions>? configure = null)
        {
            if (dataSource is null) throw new ArgumentNullException(nameof(dataSource));
            return services.AddAssociations(_ => dataSource.CreateConnection(), configure);
        }

        /// <summary>
        /// Registers a scoped <see cref="DbSession"/> over connections of the <see cref="DbDataSource"/> registered in the
        /// container — what Npgsql's <c>services.AddNpgsqlDataSource(connectionString)</c> registers.
        /// </summary>
        public static IServiceCollection AddAssociations(this IServiceCollection services, Action<DbSessionOptions>? configure = null) =>
            services.AddAssociations(provider =>
                ((provider.GetService(typeof(DbDataSource)) as DbDataSource)
                 ?? throw new InvalidOperationException(
                     "AddAssociations() without a connection needs a DbDataSource in the container (services.AddNpgsqlDataSource(connectionString) registers one). " +
                     "Otherwise pass one: AddAssociations(dataSource), AddAssociations(providerFactory, connectionString), AddAssociationsSqlite(connectionString) or AddAssociations(sp => connection)."))
                .CreateConnection(), configure);

        /// <summary>
        /// Registers a scoped <see cref="DbSession"/> over a new connection of <paramref name="providerFactory"/> with
        /// <paramref name="connectionString"/>: <c>AddAssociations(NpgsqlFactory.Instance, "Host=…")</c> or
        /// <c>AddAssociations(SqliteFactory.Instance, "Data Source=app.db")</c>.
        /// </summary>
        public static IServiceCollection AddAssociations(this IServiceCollection services, DbProviderFactory providerFactory, string connectionString,
            Action<DbSessionOptions>? configure = null)
        {
            if (providerFactory is null) throw new ArgumentNullException(nameof(providerFactory));
            if (string.IsNullOrEmpty(connectionString)) throw new ArgumentException("A connection string is required.", nameof(connectionString));
            return services.AddAssociations(_ =>
            {
                var connection = providerFactory.CreateConnection()
                    ?? throw new InvalidOperationException($"{providerFactory.GetType().Name}.CreateConnection() returned null.");
                connection.ConnectionString = connectionString;
                return connection;
            }, configure);
        }

        /// <summary>
        /// Registers a scoped <see cref="DbSession"/> over a new <see cref="SqliteConnection"/> with <paramref name="connectionString"/>
        /// per scope (Microsoft.Data.Sqlite pools the underlying connections).
        /// </summary>
        public static IServiceCollection AddAssociationsSqlite(this IServiceCollection services, string connectionString, Action<DbSessionOptions>? configure = null) =>
            services.AddAssociations(SqliteFactory.Instance, connectionString, configure);
    }
}
