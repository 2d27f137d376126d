using Associations.Benchmarks.Data;

namespace Associations.Benchmarks.Contenders;

/// <summary>
/// One way of running the six workloads. Each contender owns one open connection to the data set for
/// its lifetime (so no contender pays for opening connections inside a measurement).
/// </summary>
public abstract class Contender : IAsyncDisposable
{
    public abstract string Name { get; }

    /// <summary>Opens the connection and prepares the inputs (W5's target lists).</summary>
    public abstract Task InitAsync();

    /// <summary>W1: every user with its profile and its list of posts.</summary>
    public abstract Task<object> W1UsersProfilePostsAsync();

    /// <summary>W2: the first 2,000 posts (by id) with their tags.</summary>
    public abstract Task<object> W2PostsWithTagsAsync();

    /// <summary>W3: the first 1,000 users, then each user's posts, one query per user.</summary>
    public abstract Task<object> W3PostsOneByOneAsync();

    /// <summary>W4: the first 1,000 users, then each user's post count, one query per user.</summary>
    public abstract Task<object> W4PostCountsAsync();

    /// <summary>W5 (half): sets the tags of posts 1..1000 to their alternate (or original) sets, one transaction per post.</summary>
    public abstract Task W5SetTagsAsync(bool alternate);

    /// <summary>W6: the first 2,000 users with their published posts only.</summary>
    public abstract Task<object> W6PublishedPostsAsync();

    /// <summary>The checksum of a result this contender returned for <paramref name="workload"/>.</summary>
    public abstract Checksum Sum(Workload workload, object result);

    /// <summary>One W5 invocation: replace every set, then restore every set.</summary>
    public async Task W5ReplaceAndRestoreAsync()
    {
        await W5SetTagsAsync(alternate: true);
        await W5SetTagsAsync(alternate: false);
    }

    public Task<object> RunAsync(Workload workload) => workload switch
    {
        Workload.W1 => W1UsersProfilePostsAsync(),
        Workload.W2 => W2PostsWithTagsAsync(),
        Workload.W3 => W3PostsOneByOneAsync(),
        Workload.W4 => W4PostCountsAsync(),
        Workload.W6 => W6PublishedPostsAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, null),
    };

    public abstract ValueTask DisposeAsync();

    public override string ToString() => Name;
}

/// <summary>The result of W4: the users, and each one's count (same order).</summary>
public sealed record UserCounts<TUser>(List<TUser> Users, int[] Counts);

/// <summary>Checksums of results made of the Associations model classes (ADO.NET, Dapper and Associations use them).</summary>
public static class ModelSums
{
    public static Checksum Sum(Workload workload, object result)
    {
        var b = new ChecksumBuilder();
        switch (workload)
        {
            case Workload.W1:
            case Workload.W3:
            case Workload.W6:
                foreach (var user in (List<User>)result)
                {
                    b.Parent(user.Id, user.Name.Length);
                    if (workload == Workload.W1)
                    {
                        if (user.Profile is { } profile)
                        {
                            b.Child(user.Id, profile.Id, profile.Bio.Length);
                            b.ForeignKey(profile.UserId);
                        }
                    }
                    else if (user.Profile is not null)
                    {
                        throw new InvalidOperationException($"{workload}: user {user.Id} has a profile, but profiles were not asked for.");
                    }
                    foreach (var post in user.Posts ?? throw new InvalidOperationException($"{workload}: user {user.Id} has no post list."))
                    {
                        b.Child(user.Id, post.Id, post.Title.Length + post.Status.Length);
                        b.ForeignKey(post.UserId);
                    }
                }
                break;
            case Workload.W2:
                foreach (var post in (List<Post>)result)
                {
                    b.Parent(post.Id, post.Title.Length + post.Status.Length);
                    b.ForeignKey(post.UserId);
                    foreach (var tag in post.Tags ?? throw new InvalidOperationException($"W2: post {post.Id} has no tag list."))
                        b.Child(post.Id, tag.Id, tag.Name.Length);
                }
                break;
            case Workload.W4:
                var counts = (UserCounts<User>)result;
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
}
