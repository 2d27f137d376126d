namespace Associations.Benchmarks.Data;

/// <summary>
/// An order-independent fingerprint of a loaded graph: how many parents and children, the sum of their
/// keys, a hashed sum of every (parent, child) link (so a child under the wrong parent changes it,
/// swaps included), the sum of the foreign-key values read, and the total length of the text read.
/// </summary>
public readonly record struct Checksum(long Parents, long Children, long KeySum, long LinkHash, long ForeignKeySum, long TextLength)
{
    public override string ToString() =>
        $"parents={Parents} children={Children} keys={KeySum} links={LinkHash:x16} fks={ForeignKeySum} text={TextLength}";
}

/// <summary>Accumulates a <see cref="Checksum"/>.</summary>
public sealed class ChecksumBuilder
{
    private long _parents, _children, _keys, _links, _fks, _text;

    public void Parent(int id, int textLength)
    {
        _parents++;
        _keys += id;
        _text += textLength;
    }

    public void Child(int parentId, int childId, int textLength)
    {
        _children++;
        _keys += childId;
        _text += textLength;
        unchecked { _links += (long)Mix(((ulong)(uint)parentId << 32) | (uint)childId); }
    }

    /// <summary>A foreign-key value read with a row (null counts as -1_000_000, so a missing value shows).</summary>
    public void ForeignKey(int? value) => _fks += value ?? -1_000_000;

    /// <summary>A per-parent count (W4): the count is the "child".</summary>
    public void Count(int parentId, int count)
    {
        _children += count;
        unchecked { _links += (long)Mix(((ulong)(uint)parentId << 32) | (uint)count); }
    }

    public Checksum Build() => new(_parents, _children, _keys, _links, _fks, _text);

    // SplitMix64's finalizer: a bijective, well-mixed hash of the pair.
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}

/// <summary>The checksums every contender must reproduce, computed from <see cref="Definition"/> alone.</summary>
public static class Expected
{
    public static Checksum For(Workload workload) => workload switch
    {
        Workload.W1 => Users(1, Definition.Users, profiles: true, publishedOnly: false),
        Workload.W2 => PostsWithTags(),
        Workload.W3 => Users(1, Definition.W3Users, profiles: false, publishedOnly: false),
        Workload.W4 => Counts(),
        Workload.W6 => Users(1, Definition.W6Users, profiles: false, publishedOnly: true),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "W5 is checked by its tag state (TagState)."),
    };

    /// <summary>W5: the (post, tag) links of posts 1..1000 after setting them to the alternate (or original) sets.</summary>
    public static Checksum TagState(bool alternate)
    {
        var b = new ChecksumBuilder();
        for (var p = 1; p <= Definition.W5Posts; p++)
            foreach (var t in alternate ? Definition.AlternateTagsOf(p) : Definition.TagsOf(p))
                b.Child(p, t, 0);
        return b.Build();
    }

    private static Checksum Users(int first, int last, bool profiles, bool publishedOnly)
    {
        var b = new ChecksumBuilder();
        for (var u = first; u <= last; u++)
        {
            b.Parent(u, Definition.UserName(u).Length);
            if (profiles)
            {
                b.Child(u, Definition.ProfileIdOf(u), Definition.ProfileBio(u).Length);
                b.ForeignKey(u);
            }
            for (var k = 0; k < Definition.PostsPerUser; k++)
            {
                var p = Definition.PostId(u, k);
                var status = Definition.PostStatus(p);
                if (publishedOnly && status != Definition.Published) continue;
                b.Child(u, p, Definition.PostTitle(p).Length + status.Length);
                b.ForeignKey(u);
            }
        }
        return b.Build();
    }

    private static Checksum PostsWithTags()
    {
        var b = new ChecksumBuilder();
        for (var p = 1; p <= Definition.W2Posts; p++)
        {
            b.Parent(p, Definition.PostTitle(p).Length + Definition.PostStatus(p).Length);
            b.ForeignKey(Definition.PostUserId(p));
            foreach (var t in Definition.TagsOf(p)) b.Child(p, t, Definition.TagName(t).Length);
        }
        return b.Build();
    }

    private static Checksum Counts()
    {
        var b = new ChecksumBuilder();
        for (var u = 1; u <= Definition.W4Users; u++)
        {
            b.Parent(u, Definition.UserName(u).Length);
            b.Count(u, Definition.PostsPerUser);
        }
        return b.Build();
    }
}

/// <summary>The six workloads.</summary>
public enum Workload
{
    /// <summary>All users + profile + posts.</summary>
    W1 = 1,
    /// <summary>First 2,000 posts + their tags (m:n).</summary>
    W2,
    /// <summary>1,000 users, then each user's posts one query at a time.</summary>
    W3,
    /// <summary>1,000 users, then each user's post count.</summary>
    W4,
    /// <summary>Replace the tags of 1,000 posts (one transaction each), then restore them.</summary>
    W5,
    /// <summary>2,000 users + only their published posts.</summary>
    W6,
}

/// <summary>Workload names among command-line arguments ("W2 w5"); all of them when none is named.</summary>
public static class WorkloadArguments
{
    public static Workload[] Parse(IEnumerable<string> args)
    {
        var named = args
            .Select(a => Enum.GetNames<Workload>().FirstOrDefault(n => string.Equals(n, a, StringComparison.OrdinalIgnoreCase)))
            .OfType<string>()
            .Select(Enum.Parse<Workload>)
            .Distinct()
            .ToArray();
        return named.Length == 0 ? Enum.GetValues<Workload>() : named;
    }
}
