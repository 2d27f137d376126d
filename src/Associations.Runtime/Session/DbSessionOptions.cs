namespace Associations
{
    /// <summary>
    /// Options of a <see cref="DbSession"/>: what <c>services.AddAssociations(…, options =&gt; …)</c> configures,
    /// or <c>new DbSession(connection, options)</c> takes.
    /// </summary>
    public sealed class DbSessionOptions
    {
        /// <summary>
        /// Log parameter values (and put them on trace spans as <c>db.query.parameter.@p0</c>, …). Off by default, as in
        /// EF Core (<c>EnableSensitiveDataLogging</c>) and Npgsql: values can be personal data or secrets, so logs and
        /// traces show <c>@p0='?'</c> until you opt in, typically in development only.
        /// </summary>
        public bool EnableSensitiveDataLogging { get; set; }

        /// <summary>Overrides the dialect picked from the connection type (null: picked from the connection).</summary>
        public Dialect? Dialect { get; set; }

        /// <summary>Dispose the connection with the session (default true; the DI registrations always own theirs).</summary>
        public bool OwnsConnection { get; set; } = true;

        /// <summary>A copy, so that a session's options do not change under it.</summary>
        internal DbSessionOptions Clone() => (DbSessionOptions)MemberwiseClone();
    }
}
