namespace Associations.Tests.Models;

/// <summary>A model whose after-insert hook runs a callback the test sets (to cancel a token after the insert's own work).</summary>
[Model]
public partial class Beacon : IAfterInsert
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    public static readonly AsyncLocal<Func<Task>?> AfterInsert = new();

    public Task OnAfterInsertAsync(DbSession db, CancellationToken ct) => AfterInsert.Value?.Invoke() ?? Task.CompletedTask;
}
