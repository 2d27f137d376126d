namespace Associations.Tests.Models;

public enum Shade { Red = 1, Green = 2, Blue = 3, Unnamed = 77 }

public enum Tiny : byte { Low = 0, Mid = 100, High = 255 }

/// <summary>One property of every supported type (and its nullable form), for the differential value test.</summary>
[Model]
public partial class ValueRow
{
    public int Id { get; set; }
    public int Seq { get; set; }
    public bool Flag { get; set; }
    public bool? FlagN { get; set; }
    public byte U8 { get; set; }
    public byte? U8N { get; set; }
    public sbyte I8 { get; set; }
    public short I16 { get; set; }
    public short? I16N { get; set; }
    public ushort U16 { get; set; }
    public int I32 { get; set; }
    public int? I32N { get; set; }
    public uint U32 { get; set; }
    public long I64 { get; set; }
    public long? I64N { get; set; }
    public ulong U64 { get; set; }
    public char Letter { get; set; }
    public char? LetterN { get; set; }
    public string Text { get; set; } = "";
    public string? TextN { get; set; }
    public float F32 { get; set; }
    public float? F32N { get; set; }
    public double F64 { get; set; }
    public double? F64N { get; set; }
    public decimal Money { get; set; }
    public decimal? MoneyN { get; set; }
    public Guid Uid { get; set; }
    public Guid? UidN { get; set; }
    public DateTime When { get; set; }
    public DateTime? WhenN { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? AtN { get; set; }
    public DateOnly Day { get; set; }
    public DateOnly? DayN { get; set; }
    public TimeOnly Clock { get; set; }
    public TimeOnly? ClockN { get; set; }
    public TimeSpan Span { get; set; }
    public TimeSpan? SpanN { get; set; }
    public byte[] Blob { get; set; } = [];
    public byte[]? BlobN { get; set; }
    public Shade Color { get; set; }
    public Shade? ColorN { get; set; }
    public Tiny Level { get; set; }
    public Tiny? LevelN { get; set; }
}

/// <summary>Length limits and a required column (SPEC §9 DataAnnotations).</summary>
[Model]
public partial class Account
{
    public int Id { get; set; }

    [System.ComponentModel.DataAnnotations.MaxLength(10)]
    public string Handle { get; set; } = "";

    [System.ComponentModel.DataAnnotations.StringLength(5)]
    public string? Code { get; set; }

    [System.ComponentModel.DataAnnotations.Required]
    public string? Email { get; set; }

    [System.ComponentModel.DataAnnotations.Schema.Column(TypeName = "varchar(40)")]
    public string Nick { get; set; } = "";

    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public List<string> Scratch { get; set; } = [];
}

/// <summary>Constraint and index names longer than PostgreSQL's 63 bytes that share their first 63 (issue 12).</summary>
[System.ComponentModel.DataAnnotations.Schema.Table("customer_subscription_billing_history_entries")]
[BelongsTo(typeof(BillingOwner), As = "ResponsibleOwner")]
[BelongsTo(typeof(BillingOwner), As = "ResponsibleOwnerDeputy")]
public partial class BillingEntry
{
    public int Id { get; set; }
}

public partial class BillingOwner
{
    public int Id { get; set; }
}

/// <summary>[DefaultValue] on properties of several types: column defaults in DDL (issue 16).</summary>
[Model]
public partial class Widget
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    [System.ComponentModel.DefaultValue(7)] public int Stock { get; set; } = 7;
    [System.ComponentModel.DefaultValue("n/a")] public string Note { get; set; } = "n/a";
    [System.ComponentModel.DefaultValue(typeof(decimal), "1.50")] public decimal Price { get; set; } = 1.50m;
    [System.ComponentModel.DefaultValue(true)] public bool Active { get; set; } = true;
    [System.ComponentModel.DefaultValue(Shade.Green)] public Shade Tint { get; set; } = Shade.Green;
    [System.ComponentModel.DefaultValue(2.5)] public double Ratio { get; set; } = 2.5;
}

/// <summary>[Table(Schema)]: "assoc_auth"."acct" on PostgreSQL, "assoc_auth.acct" on SQLite (issue 12).</summary>
[System.ComponentModel.DataAnnotations.Schema.Table("acct", Schema = "assoc_auth")]
[HasMany(typeof(AuthToken), As = "Tokens")]
public partial class AuthAccount
{
    public int Id { get; set; }
    public string Login { get; set; } = "";
}

[System.ComponentModel.DataAnnotations.Schema.Table("tokens", Schema = "assoc_auth")]
public partial class AuthToken
{
    public int Id { get; set; }
    public string Value { get; set; } = "";
}
