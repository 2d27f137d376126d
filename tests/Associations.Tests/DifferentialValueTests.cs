using System.Text;
using System.Text.RegularExpressions;
using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using Npgsql;
using Xunit.Abstractions;

namespace Associations.Tests;

/// <summary>
/// The differential value test (SPEC §9): seeded random rows with a property of every supported type, seeded random
/// conditions and orderings built with the typed API, each answer compared with LINQ to Objects over the same rows.
/// A failure prints the seed; set ASSOCIATIONS_SEED to replay it.
/// </summary>
public class DifferentialValueTests(ITestOutputHelper output)
{
    private const int Rows = 48;
    private const int QueriesPerSeed = 2600;
    private static readonly int[] Seeds = Environment.GetEnvironmentVariable("ASSOCIATIONS_SEED") is { Length: > 0 } s
        ? [int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)]
        : [20261207, 4242, 777, 90001];

    [Theory, Sqlite, Postgres]
    public async Task Typed_queries_agree_with_LINQ(string engine)
    {
        var checks = 0;
        foreach (var seed in Seeds)
        {
            await using var t = await TestDb.CreateAsync(engine);
            checks += await RunAsync(t.Db, engine, seed);
        }
        output.WriteLine($"{checks} query checks on {engine}");
        Assert.True(checks >= 10_000, $"only {checks} checks ran");
    }

    [Theory, Postgres]
    public async Task Typed_queries_agree_with_LINQ_in_a_non_UTC_session(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var cs = ((NpgsqlConnection)t.Db.Connection).ConnectionString;
        await using var newYork = new DbSession(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Timezone = "America/New_York" }.ConnectionString));
        var checks = await RunAsync(newYork, engine, 31337, queries: 1500);
        Assert.True(checks >= 1500);
    }

    [Theory, Postgres]
    public async Task A_DateTime_is_never_shifted_by_the_session_time_zone(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var cs = ((NpgsqlConnection)t.Db.Connection).ConnectionString;
        await t.Db.SyncAsync<ValueRow>();
        var noon = new DateTime(2024, 3, 10, 12, 0, 0, DateTimeKind.Utc);
        var instant = new DateTimeOffset(2024, 3, 10, 10, 0, 0, TimeSpan.FromHours(2));
        int id;
        await using (var newYork = new DbSession(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Timezone = "America/New_York" }.ConnectionString)))
        {
            var row = NewRow(new Random(1), 0);
            row.When = noon;
            row.WhenN = new DateTime(2024, 3, 10, 12, 0, 0, DateTimeKind.Local);
            row.At = instant;
            await newYork.InsertAsync(row);
            id = row.Id;
        }
        await using var tokyo = new DbSession(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Timezone = "Asia/Tokyo" }.ConnectionString));
        var back = (await tokyo.FindAsync<ValueRow>(id))!;
        Assert.Equal(noon.Ticks, back.When.Ticks);
        Assert.Equal(noon.Ticks, back.WhenN!.Value.Ticks);
        Assert.Equal(DateTimeKind.Unspecified, back.When.Kind);
        Assert.Equal(instant.UtcTicks, back.At.UtcTicks);
        Assert.Equal(TimeSpan.Zero, back.At.Offset);
        Assert.Equal(1, await tokyo.Query<ValueRow>().Where(ValueRow.Columns.When == noon).CountAsync());
        Assert.Equal(1, await tokyo.Query<ValueRow>().Where(ValueRow.Columns.When.In(noon)).CountAsync());
    }

    private async Task<int> RunAsync(DbSession db, string engine, int seed, int queries = QueriesPerSeed)
    {
        var random = new Random(seed);
        await db.SyncAsync<ValueRow>(new SyncOptions { Force = true });
        var rows = new List<ValueRow>();
        for (var i = 0; i < Rows; i++) rows.Add(NewRow(random, i));
        await db.InsertManyAsync(rows);

        // Round trip: what InsertAsync wrote, FindAsync reads back equal.
        foreach (var row in rows)
        {
            var back = await db.FindAsync<ValueRow>(row.Id);
            Assert.NotNull(back);
            foreach (var p in Props)
                if (!p.SameValue(row, back!))
                    Assert.Fail($"seed {seed}: {p.Name} of row {row.Seq} wrote {p.Show(row)} and read {p.Show(back!)} ({engine})");
        }

        var likeIgnoresCase = engine != Engines.Postgres;
        var checks = 0;
        for (var q = 0; q < queries; q++)
        {
            var (condition, predicate, text) = RandomCondition(random, rows, depth: random.Next(3), likeIgnoresCase);
            var query = db.Query<ValueRow>().Where(condition);
            IOrderedEnumerable<ValueRow>? expected = null;
            var orderText = new StringBuilder();
            for (var k = random.Next(3); k > 0; k--)
            {
                var p = OrderedProps[random.Next(OrderedProps.Length)];
                var descending = random.Next(2) == 0;
                query = p.Order(query, descending);
                expected = p.Order(expected, rows.Where(predicate), descending);
                orderText.Append(p.Name).Append(descending ? " desc, " : ", ");
            }
            query = query.OrderBy(ValueRow.Columns.Seq);
            var ordered = expected is null ? rows.Where(predicate).OrderBy(r => r.Seq) : expected.ThenBy(r => r.Seq);
            IEnumerable<ValueRow> want = ordered;
            if (random.Next(3) == 0)
            {
                var offset = random.Next(5);
                var limit = random.Next(1, 20);
                query = query.Offset(offset).Limit(limit);
                want = want.Skip(offset).Take(limit);
                orderText.Append($"offset {offset} limit {limit}");
            }
            var got = (await query.ToListAsync()).Select(r => r.Seq).ToList();
            var wanted = want.Select(r => r.Seq).ToList();
            if (!got.SequenceEqual(wanted))
                Assert.Fail($"seed {seed}, query {q} ({engine}): WHERE {text} ORDER BY {orderText}\n expected [{string.Join(",", wanted)}]\n got      [{string.Join(",", got)}]");
            checks++;
            if (q % 10 == 0)
            {
                Assert.Equal(rows.Count(predicate), await db.Query<ValueRow>().Where(condition).CountAsync());
                checks++;
            }
        }
        return checks;
    }

    // ------------------------------------------------------------------ random rows

    private const string Alphabet = "abcXYZ%_";

    private static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];

    private static string Word(Random r)
    {
        var sb = new StringBuilder();
        for (var n = r.Next(0, 5); n > 0; n--) sb.Append(Alphabet[r.Next(r.Next(2) == 0 ? 3 : Alphabet.Length)]);
        return sb.ToString();
    }

    private static long Micros(Random r, long range) => (long)(r.NextDouble() * range);

    private static DateTime Date(Random r) =>
        new(Pick(r, 1L, 2L, 3L) switch
        {
            1 => new DateTime(2024, 1, 1).Ticks + Micros(r, 1_000_000L * 3600 * 48) * 10,
            2 => new DateTime(1, 1, 1).Ticks + Micros(r, 1_000_000L * 86400 * 365) * 10,
            _ => new DateTime(1900, 1, 1).Ticks + Micros(r, 1_000_000L * 86400 * 365 * 200) * 10,
        });

    private static readonly decimal[] Decimals = [2m, 9.5m, 10m, 100m, 1.50m, 1.5m, -3.25m, 0m, 0.0000000000000000000000000001m, 79228162514264337593543950335m, -79228162514264337593543950335m, 123456789012345678.123456789m];
    private static readonly double[] Doubles = [2, 9.5, 10, 100, -1.5, 0, 0.1, 1e-300, -1e300, double.MaxValue, double.MinValue, double.Epsilon, 3.141592653589793];
    private static readonly float[] Floats = [2f, 9.5f, 10f, 100f, -1.5f, 0f, 0.1f, float.MaxValue, float.MinValue, 1e-30f, 3.1415927f];

    private static DateTimeOffset Instant(Random r) =>
        new DateTimeOffset(Date(r).Ticks, TimeSpan.Zero).AddYears(r.Next(2) == 0 ? 1 : 100).ToOffset(TimeSpan.FromMinutes(r.Next(-14 * 60, 14 * 60 + 1)));

    private static TimeSpan Span(Random r) => TimeSpan.FromTicks((long)((r.NextDouble() - 0.5) * 2 * TimeSpan.TicksPerDay * Pick(r, 1, 3, 400)) / 10 * 10);

    private static ValueRow NewRow(Random r, int seq)
    {
        bool Null() => r.Next(4) == 0;
        return new ValueRow
        {
            Seq = seq,
            Flag = r.Next(2) == 0,
            FlagN = Null() ? null : r.Next(2) == 0,
            U8 = Pick<byte>(r, 0, 1, 7, 200, 255),
            U8N = Null() ? null : (byte)r.Next(256),
            I8 = Pick<sbyte>(r, sbyte.MinValue, -1, 0, 5, sbyte.MaxValue),
            I16 = Pick<short>(r, short.MinValue, -2, 0, 300, short.MaxValue),
            I16N = Null() ? null : (short)r.Next(-5, 5),
            U16 = Pick<ushort>(r, 0, 1, 40000, ushort.MaxValue),
            I32 = Pick(r, int.MinValue, -7, 0, 3, 9, 10, 100, int.MaxValue),
            I32N = Null() ? null : r.Next(-3, 4),
            U32 = Pick(r, 0u, 5u, 3_000_000_000u, uint.MaxValue),
            I64 = Pick(r, long.MinValue, -1L, 0L, 1L << 40, long.MaxValue),
            I64N = Null() ? null : r.Next(-3, 4),
            U64 = Pick(r, 0ul, 9ul, (ulong)long.MaxValue, 1ul << 62),
            Letter = Alphabet[r.Next(Alphabet.Length)],
            LetterN = Null() ? null : Alphabet[r.Next(3)],
            Text = Word(r),
            TextN = Null() ? null : Word(r),
            F32 = Pick(r, Floats),
            F32N = Null() ? null : Pick(r, Floats),
            F64 = Pick(r, Doubles),
            F64N = Null() ? null : Pick(r, Doubles),
            Money = Pick(r, Decimals),
            MoneyN = Null() ? null : Pick(r, Decimals),
            Uid = Guid.NewGuid() is var g && r.Next(3) == 0 ? Guid.Empty : new Guid(Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256)).ToArray()),
            UidN = Null() ? null : new Guid(Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256)).ToArray()),
            When = Date(r),
            WhenN = Null() ? null : Date(r),
            At = Instant(r),
            AtN = Null() ? null : Instant(r),
            Day = DateOnly.FromDateTime(Date(r)),
            DayN = Null() ? null : DateOnly.FromDateTime(Date(r)),
            Clock = TimeOnly.FromDateTime(Date(r)),
            ClockN = Null() ? null : TimeOnly.FromDateTime(Date(r)),
            Span = Span(r),
            SpanN = Null() ? null : Span(r),
            Blob = Pick(r, new byte[] { 1, 2 }, [], [0], [255, 0, 7]),
            BlobN = Null() ? null : Pick(r, new byte[] { 1, 2 }, [9]),
            Color = Pick(r, Shade.Red, Shade.Green, Shade.Blue, Shade.Unnamed),
            ColorN = Null() ? null : Pick(r, Shade.Red, Shade.Blue),
            Level = Pick(r, Tiny.Low, Tiny.Mid, Tiny.High),
            LevelN = Null() ? null : Pick(r, Tiny.Low, Tiny.High),
        };
    }

    // ------------------------------------------------------------------ properties under test

    private interface IProp
    {
        string Name { get; }
        bool SameValue(ValueRow a, ValueRow b);
        string Show(ValueRow row);
        (Condition<ValueRow>, Func<ValueRow, bool>, string) Atom(Random r, IReadOnlyList<ValueRow> rows, bool likeIgnoresCase);
    }

    private interface IOrderedProp : IProp
    {
        Query<ValueRow> Order(Query<ValueRow> query, bool descending);
        IOrderedEnumerable<ValueRow> Order(IOrderedEnumerable<ValueRow>? sofar, IEnumerable<ValueRow> rows, bool descending);
    }

    private sealed class Prop<T>(string name, Column<ValueRow, T> column, Func<ValueRow, T> get, Func<Random, T> gen,
        IComparer<T>? comparer, IEqualityComparer<T>? equality = null) : IOrderedProp
    {
        private readonly IEqualityComparer<T> _eq = equality ?? EqualityComparer<T>.Default;

        public string Name => name;

        public bool Nullable => column.Nullable;

        public bool SameValue(ValueRow a, ValueRow b) => _eq.Equals(get(a), get(b));

        public string Show(ValueRow row) => Text(get(row));

        private static string Text(T value) => value switch
        {
            null => "null",
            byte[] bytes => "0x" + Convert.ToHexString(bytes),
            DateTime d => d.ToString("O"),
            DateTimeOffset o => o.ToString("O"),
            string s => "'" + s + "'",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
        };

        private T Value(Random r, IReadOnlyList<ValueRow> rows) => r.Next(2) == 0 ? get(rows[r.Next(rows.Count)]) : gen(r);

        public (Condition<ValueRow>, Func<ValueRow, bool>, string) Atom(Random r, IReadOnlyList<ValueRow> rows, bool likeIgnoresCase)
        {
            var ordered = column as OrderedColumn<ValueRow, T>;
            var choices = ordered is null ? 3 : 9;
            var choice = r.Next(choices + (column is StringColumn<ValueRow> ? 2 : 0));
            var v = Value(r, rows);
            while (v is null && choice is not 2) v = gen(r);
            switch (choice)
            {
                case 0: return (column == v, x => _eq.Equals(get(x), v), $"{name} == {Text(v)}");
                case 1: return (column != v, x => !_eq.Equals(get(x), v), $"{name} != {Text(v)}");
                case 2:
                    if (!column.Nullable || r.Next(2) == 0)
                        return (column.IsNotNull(), x => get(x) is not null, $"{name} is not null");
                    return r.Next(2) == 0
                        ? (column == default(T)!, x => get(x) is null, $"{name} == null")
                        : (column.IsNull(), x => get(x) is null, $"{name} is null");
                case 3: return (ordered! < v, x => get(x) is { } y && comparer!.Compare(y, v) < 0, $"{name} < {Text(v)}");
                case 4: return (ordered! <= v, x => get(x) is { } y && comparer!.Compare(y, v) <= 0, $"{name} <= {Text(v)}");
                case 5: return (ordered! > v, x => get(x) is { } y && comparer!.Compare(y, v) > 0, $"{name} > {Text(v)}");
                case 6: return (ordered! >= v, x => get(x) is { } y && comparer!.Compare(y, v) >= 0, $"{name} >= {Text(v)}");
                case 7:
                case 8:
                {
                    var list = Enumerable.Range(0, r.Next(5)).Select(_ => Value(r, rows)).ToList();
                    if (column.Nullable && r.Next(3) == 0) list.Add(default!);
                    return (ordered!.In(list), x => list.Contains(get(x), _eq), $"{name} in [{string.Join(", ", list.Select(Text))}]");
                }
                default:
                {
                    var like = LikePattern(r, (string)(object)v!);
                    var regex = LikeRegex(like, likeIgnoresCase);
                    return (((StringColumn<ValueRow>)(object)column).Like(like), x => get(x) is string s && regex.IsMatch(s), $"{name} like '{like}'");
                }
            }
        }

        public Query<ValueRow> Order(Query<ValueRow> query, bool descending) =>
            descending ? query.OrderByDescending((OrderedColumn<ValueRow, T>)column) : query.OrderBy((OrderedColumn<ValueRow, T>)column);

        public IOrderedEnumerable<ValueRow> Order(IOrderedEnumerable<ValueRow>? sofar, IEnumerable<ValueRow> rows, bool descending) =>
            sofar is null
                ? descending ? rows.OrderByDescending(get, comparer) : rows.OrderBy(get, comparer)
                : descending ? sofar.ThenByDescending(get, comparer) : sofar.ThenBy(get, comparer);
    }

    private static string LikePattern(Random r, string from)
    {
        var sb = new StringBuilder();
        if (r.Next(2) == 0) sb.Append('%');
        foreach (var ch in from)
        {
            switch (r.Next(6))
            {
                case 0: sb.Append('_'); break;
                case 1: sb.Append('%'); break;
                case 2: sb.Append(char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)); break;
                default:
                    if (ch is '%' or '_' or '\\') sb.Append('\\');
                    sb.Append(ch);
                    break;
            }
        }
        if (r.Next(2) == 0) sb.Append('%');
        return sb.ToString();
    }

    private static Regex LikeRegex(string pattern, bool ignoreCase)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '\\' && i + 1 < pattern.Length) sb.Append(Regex.Escape(pattern[++i].ToString()));
            else if (ch == '%') sb.Append("(?s:.*)");
            else if (ch == '_') sb.Append("(?s:.)");
            else sb.Append(Regex.Escape(ch.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.None);
    }

    private sealed class BytesEquality : IEqualityComparer<byte[]?>
    {
        public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[]? obj) => obj?.Length ?? 0;
    }

    private sealed class InstantEquality<T> : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => x is DateTimeOffset a ? y is DateTimeOffset b && a.UtcTicks == b.UtcTicks : y is null;
        public int GetHashCode(T obj) => obj is DateTimeOffset a ? a.UtcTicks.GetHashCode() : 0;
    }

    private static Prop<T> P<T>(string name, Column<ValueRow, T> column, Func<ValueRow, T> get, Func<Random, T> gen, IComparer<T>? comparer = null, IEqualityComparer<T>? eq = null) =>
        new(name, column, get, gen, comparer ?? (column is OrderedColumn<ValueRow, T> ? Comparer<T>.Default : null), eq);

    private static T? N<T>(Random r, Func<Random, T> gen) where T : struct => r.Next(4) == 0 ? null : gen(r);

    private static readonly IProp[] Props =
    [
        P("Seq", ValueRow.Columns.Seq, x => x.Seq, r => r.Next(Rows)),
        P("Flag", ValueRow.Columns.Flag, x => x.Flag, r => r.Next(2) == 0),
        P("FlagN", ValueRow.Columns.FlagN, x => x.FlagN, r => N(r, q => q.Next(2) == 0)),
        P("U8", ValueRow.Columns.U8, x => x.U8, r => (byte)Pick(r, 0, 7, 255)),
        P("U8N", ValueRow.Columns.U8N, x => x.U8N, r => N(r, q => (byte)q.Next(256))),
        P("I8", ValueRow.Columns.I8, x => x.I8, r => (sbyte)r.Next(-128, 128)),
        P("I16", ValueRow.Columns.I16, x => x.I16, r => (short)Pick(r, -2, 0, 300)),
        P("I16N", ValueRow.Columns.I16N, x => x.I16N, r => N(r, q => (short)q.Next(-5, 5))),
        P("U16", ValueRow.Columns.U16, x => x.U16, r => (ushort)Pick(r, 0, 1, 40000, 65535)),
        P("I32", ValueRow.Columns.I32, x => x.I32, r => Pick(r, int.MinValue, -7, 0, 3, 9, 10, 100, int.MaxValue)),
        P("I32N", ValueRow.Columns.I32N, x => x.I32N, r => N(r, q => q.Next(-3, 4))),
        P("U32", ValueRow.Columns.U32, x => x.U32, r => Pick(r, 0u, 5u, 3_000_000_000u, uint.MaxValue)),
        P("I64", ValueRow.Columns.I64, x => x.I64, r => Pick(r, long.MinValue, -1L, 0L, 1L << 40, long.MaxValue)),
        P("I64N", ValueRow.Columns.I64N, x => x.I64N, r => N(r, q => (long)q.Next(-3, 4))),
        P("U64", ValueRow.Columns.U64, x => x.U64, r => Pick(r, 0ul, 9ul, (ulong)long.MaxValue, 1ul << 62)),
        P("Letter", ValueRow.Columns.Letter, x => x.Letter, r => Alphabet[r.Next(Alphabet.Length)]),
        P("LetterN", ValueRow.Columns.LetterN, x => x.LetterN, r => N(r, q => Alphabet[q.Next(3)])),
        P("Text", ValueRow.Columns.Text, x => x.Text, Word, StringComparer.Ordinal),
        P("TextN", ValueRow.Columns.TextN, x => x.TextN, r => r.Next(4) == 0 ? null : Word(r), StringComparer.Ordinal),
        P("F32", ValueRow.Columns.F32, x => x.F32, r => Pick(r, Floats)),
        P("F32N", ValueRow.Columns.F32N, x => x.F32N, r => N(r, q => Pick(q, Floats))),
        P("F64", ValueRow.Columns.F64, x => x.F64, r => Pick(r, Doubles)),
        P("F64N", ValueRow.Columns.F64N, x => x.F64N, r => N(r, q => Pick(q, Doubles))),
        P("Money", ValueRow.Columns.Money, x => x.Money, r => Pick(r, Decimals)),
        P("MoneyN", ValueRow.Columns.MoneyN, x => x.MoneyN, r => N(r, q => Pick(q, Decimals))),
        P("Uid", ValueRow.Columns.Uid, x => x.Uid, r => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256)).ToArray())),
        P("UidN", ValueRow.Columns.UidN, x => x.UidN, r => N(r, q => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)q.Next(256)).ToArray()))),
        P("When", ValueRow.Columns.When, x => x.When, Date),
        P("WhenN", ValueRow.Columns.WhenN, x => x.WhenN, r => N(r, Date)),
        P("At", ValueRow.Columns.At, x => x.At, Instant, eq: new InstantEquality<DateTimeOffset>()),
        P("AtN", ValueRow.Columns.AtN, x => x.AtN, r => N(r, Instant), eq: new InstantEquality<DateTimeOffset?>()),
        P("Day", ValueRow.Columns.Day, x => x.Day, r => DateOnly.FromDateTime(Date(r))),
        P("DayN", ValueRow.Columns.DayN, x => x.DayN, r => N(r, q => DateOnly.FromDateTime(Date(q)))),
        P("Clock", ValueRow.Columns.Clock, x => x.Clock, r => TimeOnly.FromDateTime(Date(r))),
        P("ClockN", ValueRow.Columns.ClockN, x => x.ClockN, r => N(r, q => TimeOnly.FromDateTime(Date(q)))),
        P("Span", ValueRow.Columns.Span, x => x.Span, Span),
        P("SpanN", ValueRow.Columns.SpanN, x => x.SpanN, r => N(r, Span)),
        P("Blob", ValueRow.Columns.Blob, x => x.Blob, r => Pick(r, new byte[] { 1, 2 }, [], [255, 0, 7]), eq: new BytesEquality()!),
        P("BlobN", ValueRow.Columns.BlobN, x => x.BlobN, r => r.Next(3) == 0 ? null : Pick(r, new byte[] { 1, 2 }, [9]), eq: new BytesEquality()),
        P("Color", ValueRow.Columns.Color, x => x.Color, r => Pick(r, Shade.Red, Shade.Green, Shade.Unnamed)),
        P("ColorN", ValueRow.Columns.ColorN, x => x.ColorN, r => N(r, q => Pick(q, Shade.Red, Shade.Blue))),
        P("Level", ValueRow.Columns.Level, x => x.Level, r => Pick(r, Tiny.Low, Tiny.Mid, Tiny.High)),
        P("LevelN", ValueRow.Columns.LevelN, x => x.LevelN, r => N(r, q => Pick(q, Tiny.Low, Tiny.High))),
    ];

    private static readonly IOrderedProp[] OrderedProps =
        Props.OfType<IOrderedProp>().Where(p => p.Name is not ("Blob" or "BlobN")).ToArray();

    private static (Condition<ValueRow>, Func<ValueRow, bool>, string) RandomCondition(Random r, IReadOnlyList<ValueRow> rows, int depth, bool likeIgnoresCase)
    {
        if (depth == 0) return Props[r.Next(Props.Length)].Atom(r, rows, likeIgnoresCase);
        var (a, pa, ta) = RandomCondition(r, rows, depth - 1, likeIgnoresCase);
        switch (r.Next(3))
        {
            case 0: return (!a, x => !pa(x), $"!({ta})");
            case 1:
            {
                var (b, pb, tb) = RandomCondition(r, rows, r.Next(depth), likeIgnoresCase);
                return (a & b, x => pa(x) && pb(x), $"({ta} & {tb})");
            }
            default:
            {
                var (b, pb, tb) = RandomCondition(r, rows, r.Next(depth), likeIgnoresCase);
                return (a | b, x => pa(x) || pb(x), $"({ta} | {tb})");
            }
        }
    }
}
