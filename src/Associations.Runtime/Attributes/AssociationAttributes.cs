using System;

namespace Associations
{
    /// <summary>What the database does to rows that reference a deleted or re-keyed row.</summary>
    public enum ReferentialAction
    {
        /// <summary>Refuse the change while rows reference it.</summary>
        Restrict,
        /// <summary>Delete (or re-key) the referencing rows too.</summary>
        Cascade,
        /// <summary>Like <see cref="Restrict"/>, checked at the end of the statement.</summary>
        NoAction,
        /// <summary>Set the foreign key of referencing rows to its column default.</summary>
        SetDefault,
        /// <summary>Set the foreign key of referencing rows to NULL.</summary>
        SetNull,
    }

    /// <summary>Options shared by every association attribute.</summary>
    public abstract class AssociationAttribute : Attribute
    {
        /// <summary>Creates the association to <paramref name="target"/>.</summary>
        protected AssociationAttribute(Type target) => Target = target;

        /// <summary>The associated model.</summary>
        public Type Target { get; }

        /// <summary>Alias of the association: names the navigation and the accessors (plural for the many kinds).</summary>
        public string? As { get; set; }

        /// <summary>The C# property holding the foreign key. Created when the model does not declare it.</summary>
        public string? ForeignKey { get; set; }

        /// <summary>What happens to referencing rows when the referenced row is deleted.</summary>
        public ReferentialAction OnDelete { get; set; }

        /// <summary>What happens to referencing rows when the referenced key changes.</summary>
        public ReferentialAction OnUpdate { get; set; }

        /// <summary><c>false</c>: no foreign-key constraint is emitted (for polymorphic keys and cycles).</summary>
        public bool Constraints { get; set; } = true;

        /// <summary>Association scope: a property of the target (of the junction for BelongsToMany) that must equal <see cref="ScopeValue"/>.</summary>
        public string? ScopeProperty { get; set; }

        /// <summary>Association scope: the constant value of <see cref="ScopeProperty"/>.</summary>
        public object? ScopeValue { get; set; }
    }

    /// <summary>One-to-one, key on the target: <c>[HasOne(typeof(Profile))]</c> on <c>User</c> adds <c>Profile.UserId</c>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class HasOneAttribute : AssociationAttribute
    {
        /// <summary>Declares that this model has one <paramref name="target"/>.</summary>
        public HasOneAttribute(Type target) : base(target) { }

        /// <summary>The C# property of this model the foreign key references (default: the primary key).</summary>
        public string? SourceKey { get; set; }

        /// <summary><c>true</c> with <c>OnDelete = Cascade</c>: the runtime deletes the child itself, running its hooks.</summary>
        public bool Hooks { get; set; }
    }

    /// <summary>One-to-one or many-to-one, key on this model: <c>[BelongsTo(typeof(User))]</c> on <c>Post</c> adds <c>Post.UserId</c>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BelongsToAttribute : AssociationAttribute
    {
        /// <summary>Declares that this model belongs to <paramref name="target"/>.</summary>
        public BelongsToAttribute(Type target) : base(target) { }

        /// <summary>The C# property of the target the foreign key references (default: its primary key).</summary>
        public string? TargetKey { get; set; }
    }

    /// <summary>One-to-many, key on the target: <c>[HasMany(typeof(Post))]</c> on <c>User</c> adds <c>Post.UserId</c>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class HasManyAttribute : AssociationAttribute
    {
        /// <summary>Declares that this model has many <paramref name="target"/>.</summary>
        public HasManyAttribute(Type target) : base(target) { }

        /// <summary>Singular form of <see cref="AssociationAttribute.As"/> when Humanizer gets it wrong.</summary>
        public string? Singular { get; set; }

        /// <summary>The C# property of this model the foreign key references (default: the primary key).</summary>
        public string? SourceKey { get; set; }

        /// <summary><c>true</c> with <c>OnDelete = Cascade</c>: the runtime deletes the children itself, running their hooks.</summary>
        public bool Hooks { get; set; }
    }

    /// <summary>Many-to-many through a junction: <c>[BelongsToMany(typeof(Role), Through = "UserRoles")]</c>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BelongsToManyAttribute : AssociationAttribute
    {
        /// <summary>Declares that this model belongs to many <paramref name="target"/>.</summary>
        public BelongsToManyAttribute(Type target) : base(target) { }

        /// <summary>The junction: a name (<c>"UserRoles"</c>, generated) or a model type (<c>typeof(UserRole)</c>).</summary>
        public object? Through { get; set; }

        /// <summary>Singular form of <see cref="AssociationAttribute.As"/> when Humanizer gets it wrong.</summary>
        public string? Singular { get; set; }

        /// <summary>The junction property referencing the target.</summary>
        public string? OtherKey { get; set; }

        /// <summary>The C# property of this model the junction references (default: the primary key).</summary>
        public string? SourceKey { get; set; }

        /// <summary>The C# property of the target the junction references (default: its primary key).</summary>
        public string? TargetKey { get; set; }

        /// <summary>Whether a pair may appear once only (default <c>true</c>).</summary>
        public bool Unique { get; set; } = true;
    }

    /// <summary>Marks a class as a model and sets its naming options.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ModelAttribute : Attribute
    {
        /// <summary>snake_case table and column names (property names never change).</summary>
        public bool Underscored { get; set; }

        /// <summary>Singular model name used in default foreign keys.</summary>
        public string? Singular { get; set; }

        /// <summary>Plural model name used as the default table name.</summary>
        public string? Plural { get; set; }
    }

    /// <summary>
    /// Lifecycle timestamps (Sequelize's <c>timestamps: true</c>): the model gets <c>DateTime CreatedAt</c> and
    /// <c>DateTime UpdatedAt</c> (generated when not declared), set in UTC by every insert and update path — accessors
    /// that change the row's foreign key included — in the database and on the instance. <c>CreatedAt</c> never changes
    /// after the insert. Also makes the class a model.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class TimestampsAttribute : Attribute
    {
    }

    /// <summary>
    /// Soft delete (Sequelize's <c>paranoid: true</c>): the model gets <c>DateTime? DeletedAt</c> (generated when not
    /// declared). <c>DeleteAsync</c> sets it instead of deleting; queries, <c>FindAsync</c>, association getters, counts,
    /// <c>Has*</c>, includes, <c>WhereHas*</c> and <c>With*Count</c> skip deleted rows unless <c>WithDeleted()</c>;
    /// <c>RestoreAsync</c> clears it; <c>DeleteAsync(entity, force: true)</c> deletes the row. Also makes the class a model.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ParanoidAttribute : Attribute
    {
    }

    /// <summary>Naming defaults for every model of the assembly.</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    public sealed class AssociationDefaultsAttribute : Attribute
    {
        /// <summary>snake_case table and column names for every model.</summary>
        public bool Underscored { get; set; }
    }

    /// <summary>Marks a static <c>Query&lt;T&gt; Name(Query&lt;T&gt;)</c> method as a named scope.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class ScopeAttribute : Attribute
    {
        /// <summary>Applies to every query of the model until <c>Unscoped()</c>.</summary>
        public bool Default { get; set; }
    }
}
