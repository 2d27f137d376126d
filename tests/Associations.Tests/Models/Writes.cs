namespace Associations.Tests.Models;

/// <summary>FindOrCreateAsync, UpsertAsync and bulk writes: a plain model; tests add a unique index on Name when they need one.</summary>
[Model]
public partial class Option
{
    public int Id { get; set; }

    [System.ComponentModel.DataAnnotations.MaxLength(12)]
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";

    public int Hits { get; set; }

    public string? Note { get; set; }
}
