namespace Associations.Benchmarks.Data;

/// <summary>
/// The data set, as pure functions of the ids. The loader writes exactly this, and the expected
/// checksums are computed from these functions (never by running a contender).
/// </summary>
public static class Definition
{
    /// <summary>Bump when anything below changes: the file name carries it, so an old file is never reused.</summary>
    public const int Version = 1;

    public const int Users = 10_000;
    public const int PostsPerUser = 10;
    public const int Posts = Users * PostsPerUser;
    public const int Tags = 50;
    public const int TagsPerPost = 3;

    // Workload sizes.
    public const int W2Posts = 2_000;
    public const int W3Users = 1_000;
    public const int W4Users = 1_000;
    public const int W5Posts = 1_000;
    public const int W6Users = 2_000;

    public const string Published = "published";
    public const string Draft = "draft";

    public static string UserName(int userId) => "User " + userId;

    /// <summary>Profiles are inserted in reverse user order, so a profile's id is never its user's id.</summary>
    public static int ProfileIdOf(int userId) => Users + 1 - userId;

    public static int ProfileUserId(int profileId) => Users + 1 - profileId;

    public static string ProfileBio(int userId) => "Bio of user " + userId;

    /// <summary>Post ids are interleaved: user u owns u, u + 10000, …, u + 90000 (its posts are not stored together).</summary>
    public static int PostId(int userId, int k) => k * Users + userId;

    public static int PostUserId(int postId) => (postId - 1) % Users + 1;

    public static int PostIndex(int postId) => (postId - 1) / Users;

    public static string PostTitle(int postId) => "Post " + postId;

    /// <summary>Half of every user's posts are published (k + u even): 5 of 10.</summary>
    public static string PostStatus(int postId) => (PostIndex(postId) + PostUserId(postId)) % 2 == 0 ? Published : Draft;

    public static string TagName(int tagId) => "tag-" + tagId;

    /// <summary>The three tags of a post: distinct, since 13 and 26 are not multiples of 50.</summary>
    public static int TagOf(int postId, int k) => (postId * 7 + k * 13) % Tags + 1;

    /// <summary>W5's replacement set: offset by 5, so disjoint from <see cref="TagOf"/> (offsets 5, 18, 31 vs 0, 13, 26).</summary>
    public static int AlternateTagOf(int postId, int k) => (postId * 7 + k * 13 + 5) % Tags + 1;

    public static int[] TagsOf(int postId) => [TagOf(postId, 0), TagOf(postId, 1), TagOf(postId, 2)];

    public static int[] AlternateTagsOf(int postId) => [AlternateTagOf(postId, 0), AlternateTagOf(postId, 1), AlternateTagOf(postId, 2)];
}
