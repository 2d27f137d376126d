namespace Associations.Tests.Models;

/// <summary>Named scopes and a default scope (soft delete).</summary>
[BelongsTo(typeof(Writer))]
public partial class Article
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "draft";
    public DateTime? DeletedAt { get; set; }

    [Scope] static Query<Article> Published(Query<Article> q) => q.Where(Columns.Status == "published");

    [Scope] static Query<Article> WithWriter(Query<Article> q) => q.IncludeWriter();

    [Scope(Default = true)] static Query<Article> NotDeleted(Query<Article> q) => q.Where(Columns.DeletedAt.IsNull());
}

[HasMany(typeof(Article))]
public partial class Writer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Hooks write audit rows through the session: they join the operation's transaction.</summary>
[Model]
public partial class AuditEntry
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
}

[HasMany(typeof(Doc), OnDelete = ReferentialAction.Cascade, Hooks = true)]
[BelongsToMany(typeof(Label), Through = typeof(DocLabel))]
public partial class Folder : IBeforeDelete, IAfterDelete
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    public Task OnBeforeDeleteAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"before delete folder {Name}", ct);

    public Task OnAfterDeleteAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"after delete folder {Name}", ct);
}

[HasMany(typeof(Note), OnDelete = ReferentialAction.Cascade, Hooks = true)]
public partial class Doc : IBeforeInsert, IAfterInsert, IBeforeUpdate, IAfterUpdate, IBeforeDelete, IAfterDelete
{
    public int Id { get; set; }
    public string Title { get; set; } = "";

    public Task OnBeforeInsertAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"before insert doc {Title}", ct);

    public Task OnAfterInsertAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"after insert doc {Title} #{Id}", ct);

    public Task OnBeforeUpdateAsync(DbSession db, CancellationToken ct) =>
        Title == "frozen" ? throw new InvalidOperationException("frozen docs cannot change") : Audit.Write(db, $"before update doc {Title} folder {FolderId?.ToString() ?? "none"}", ct);

    public Task OnAfterUpdateAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"after update doc {Title}", ct);

    public Task OnBeforeDeleteAsync(DbSession db, CancellationToken ct) =>
        Title == "locked" ? throw new InvalidOperationException("locked docs cannot be deleted") : Audit.Write(db, $"before delete doc {Title}", ct);

    public Task OnAfterDeleteAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"after delete doc {Title}", ct);
}

public partial class Note : IAfterDelete
{
    public int Id { get; set; }
    public string Text { get; set; } = "";

    public Task OnAfterDeleteAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"after delete note {Text}", ct);
}

public partial class Label
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A junction model with hooks: BelongsToMany accessors run these, never those of Folder or Label.</summary>
public partial class DocLabel : IAfterInsert, IBeforeDelete
{
    public string Color { get; set; } = "grey";

    public Task OnAfterInsertAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"link folder {FolderId} label {LabelId} {Color}", ct);

    public Task OnBeforeDeleteAsync(DbSession db, CancellationToken ct) => Audit.Write(db, $"unlink folder {FolderId} label {LabelId}", ct);
}

public static class Audit
{
    public static async Task Write(DbSession db, string text, CancellationToken ct) => await db.InsertAsync(new AuditEntry { Text = text }, ct);
}
