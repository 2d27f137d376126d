using System.Data.Common;
using Associations.Benchmarks.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Associations.Benchmarks.Contenders;

// EF Core's own model of the same tables (created by Associations' SyncAsync):
// "Users" (Id, Name), "Profiles" (Id, Bio, UserId), "Posts" (Id, Title, Status, UserId), "Tags" (Id, Name),
// "PostTags" (PostId, TagId; key (PostId, TagId)).

public sealed class EfUser
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public EfProfile? Profile { get; set; }
    public List<EfPost>? Posts { get; set; }
}

public sealed class EfProfile
{
    public int Id { get; set; }
    public string Bio { get; set; } = "";
    public int? UserId { get; set; }
}

public sealed class EfPost
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "";
    public int? UserId { get; set; }
    public List<EfTag>? Tags { get; set; }
}

public sealed class EfTag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
{
    public DbSet<EfUser> Users => Set<EfUser>();
    public DbSet<EfProfile> Profiles => Set<EfProfile>();
    public DbSet<EfPost> Posts => Set<EfPost>();
    public DbSet<EfTag> Tags => Set<EfTag>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<EfUser>(e =>
        {
            e.ToTable("Users");
            e.HasOne(u => u.Profile).WithOne().HasForeignKey<EfProfile>(p => p.UserId);
            e.HasMany(u => u.Posts).WithOne().HasForeignKey(p => p.UserId);
        });
        b.Entity<EfProfile>().ToTable("Profiles");
        b.Entity<EfTag>().ToTable("Tags");
        b.Entity<EfPost>(e =>
        {
            e.ToTable("Posts");
            e.HasMany(p => p.Tags).WithMany().UsingEntity(
                "PostTags",
                r => r.HasOne(typeof(EfTag)).WithMany().HasForeignKey("TagId"),
                l => l.HasOne(typeof(EfPost)).WithMany().HasForeignKey("PostId"),
                j => j.HasKey("PostId", "TagId"));
        });
    }
}

/// <summary>
/// EF Core 10 (Microsoft.EntityFrameworkCore.Sqlite, or Npgsql.EntityFrameworkCore.PostgreSQL on PostgreSQL): one long-lived
/// context on the contender's open connection, no tracking for reads; either
/// single-query (AsSingleQuery) or split-query (AsSplitQuery) loading of includes. W3, W4 and W5 involve
/// no include, so both variants run the same code there.
/// </summary>
public sealed class EfCoreContender(bool split) : Contender
{
    private DbConnection _connection = null!;
    private BenchContext _context = null!;
    private int[][] _originalTags = null!;
    private int[][] _alternateTags = null!;

    public override string Name => split ? "EF Core split" : "EF Core single";

    public override async Task InitAsync()
    {
        _connection = await BenchDatabase.OpenAsync();
        var builder = new DbContextOptionsBuilder<BenchContext>();
        if (_connection is NpgsqlConnection npgsql) builder.UseNpgsql(npgsql);
        else builder.UseSqlite(_connection);
        var options = builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        _context = new BenchContext(options);
        _originalTags = new int[Definition.W5Posts][];
        _alternateTags = new int[Definition.W5Posts][];
        for (var p = 1; p <= Definition.W5Posts; p++)
        {
            _originalTags[p - 1] = Definition.TagsOf(p);
            _alternateTags[p - 1] = Definition.AlternateTagsOf(p);
        }
    }

    private IQueryable<T> Loading<T>(IQueryable<T> query) where T : class => split ? query.AsSplitQuery() : query.AsSingleQuery();

    public override async Task<object> W1UsersProfilePostsAsync() =>
        await Loading(_context.Users.Include(u => u.Profile).Include(u => u.Posts)).ToListAsync();

    public override async Task<object> W2PostsWithTagsAsync() =>
        await Loading(_context.Posts.OrderBy(p => p.Id).Take(Definition.W2Posts).Include(p => p.Tags)).ToListAsync();

    public override async Task<object> W3PostsOneByOneAsync()
    {
        var users = await _context.Users.OrderBy(u => u.Id).Take(Definition.W3Users).ToListAsync();
        foreach (var user in users)
        {
            var id = user.Id;
            user.Posts = await _context.Posts.Where(p => p.UserId == id).ToListAsync();
        }
        return users;
    }

    public override async Task<object> W4PostCountsAsync()
    {
        var users = await _context.Users.OrderBy(u => u.Id).Take(Definition.W4Users).ToListAsync();
        var counts = new int[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            var id = users[i].Id;
            counts[i] = await _context.Posts.CountAsync(p => p.UserId == id);
        }
        return new UserCounts<EfUser>(users, counts);
    }

    /// <summary>
    /// The EF way: load the post and its tags (tracked), replace the collection, SaveChanges; in a transaction.
    /// Both variants load the tags with explicit loading (no include), so they run the same code here:
    /// <c>Include(p =&gt; p.Tags).AsSingleQuery()</c> makes SQLite materialize the whole PostTags ⋈ Tags
    /// subquery on every call (~150-330 ms per post, over 4 minutes per W5 invocation; W2 shows the effect once).
    /// </summary>
    public override async Task W5SetTagsAsync(bool alternate)
    {
        var sets = alternate ? _alternateTags : _originalTags;
        for (var i = 0; i < sets.Length; i++)
        {
            var postId = i + 1;
            await using (var tx = await _context.Database.BeginTransactionAsync())
            {
                var post = await _context.Posts.AsTracking().SingleAsync(p => p.Id == postId);
                await _context.Entry(post).Collection(p => p.Tags!).LoadAsync();
                post.Tags!.Clear();
                foreach (var tagId in sets[i])
                {
                    var tag = _context.Tags.Local.FindEntry(tagId)?.Entity;
                    if (tag is null)
                    {
                        tag = new EfTag { Id = tagId };
                        _context.Tags.Attach(tag);
                    }
                    post.Tags.Add(tag);
                }
                await _context.SaveChangesAsync();
                await tx.CommitAsync();
            }
            _context.ChangeTracker.Clear();
        }
    }

    public override async Task<object> W6PublishedPostsAsync() =>
        await Loading(_context.Users.OrderBy(u => u.Id).Take(Definition.W6Users)
                .Include(u => u.Posts!.Where(p => p.Status == Definition.Published)))
            .ToListAsync();

    public override Checksum Sum(Workload workload, object result)
    {
        var b = new ChecksumBuilder();
        switch (workload)
        {
            case Workload.W1:
            case Workload.W3:
            case Workload.W6:
                foreach (var user in (List<EfUser>)result)
                {
                    b.Parent(user.Id, user.Name.Length);
                    if (workload == Workload.W1 && user.Profile is { } profile)
                    {
                        b.Child(user.Id, profile.Id, profile.Bio.Length);
                        b.ForeignKey(profile.UserId);
                    }
                    foreach (var post in user.Posts ?? new List<EfPost>())
                    {
                        b.Child(user.Id, post.Id, post.Title.Length + post.Status.Length);
                        b.ForeignKey(post.UserId);
                    }
                }
                break;
            case Workload.W2:
                foreach (var post in (List<EfPost>)result)
                {
                    b.Parent(post.Id, post.Title.Length + post.Status.Length);
                    b.ForeignKey(post.UserId);
                    foreach (var tag in post.Tags ?? new List<EfTag>()) b.Child(post.Id, tag.Id, tag.Name.Length);
                }
                break;
            case Workload.W4:
                var counts = (UserCounts<EfUser>)result;
                for (var i = 0; i < counts.Users.Count; i++)
                {
                    b.Parent(counts.Users[i].Id, counts.Users[i].Name.Length);
                    b.Count(counts.Users[i].Id, counts.Counts[i]);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(workload), workload, null);
        }
        return b.Build();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
