// The Blog sample: creates the schema, fills a small blog and uses the generated accessors.
//   dotnet run --project samples/Blog                        (SQLite file blog.db, no server needed)
//   dotnet run --project samples/Blog -- --postgres "Host=127.0.0.1;Port=55432;Username=postgres;Database=associations_test"
//   ASSOCIATIONS_PG="Host=…" dotnet run --project samples/Blog
//   dotnet run --project samples/Blog -- --upgrade            (moves the database to the second version of the models, ModelsV2.cs)
using System.Data.Common;
using Associations;
using Blog;
using Microsoft.Data.Sqlite;
using Npgsql;

var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault()
    ?? Environment.GetEnvironmentVariable("ASSOCIATIONS_PG");
DbConnection connection = string.IsNullOrEmpty(postgres)
    ? new SqliteConnection("Data Source=blog.db")
    : new NpgsqlConnection(postgres);

await using var db = new DbSession(connection);
Console.WriteLine($"Associations Blog sample on {db.Dialect.Kind} ({(postgres is null or "" ? "blog.db" : "PostgreSQL")})");

if (args.Contains("--upgrade"))
{
    await Upgrade.RunAsync(db);
    return;
}

// Every run starts from a fresh schema, so the output is the same each time.
// The first version of the models only (ModelsV2.cs, in the same assembly, is what --upgrade moves to).
await db.SyncAsync<User>(new SyncOptions { Force = true });   // User and every model connected to it, no reflection

// Users, with a profile each (HasOne).
var john = await db.InsertAsync(new User { Name = "John" });
var jane = await db.InsertAsync(new User { Name = "Jane" });
await john.CreateProfileAsync(db, new Profile { Bio = "Writes about databases." });
await jane.SetProfileAsync(db, await db.InsertAsync(new Profile { Bio = "Writes about compilers." }));

// Posts (HasMany from the user, BelongsTo from the post: one AuthorId column).
var hello = await john.CreateArticleAsync(db, new Post { Title = "Hello World", Status = "published" });
var sql = await john.CreateArticleAsync(db, new Post { Title = "Plain SQL is fine", Status = "published" });
var draft = await db.InsertAsync(new Post { Title = "Notes on generators" });
await draft.SetAuthorAsync(db, jane);
var moved = await jane.CreateArticleAsync(db, new Post { Title = "Moving house", Status = "published" });
await john.AddArticleAsync(db, moved); // moves the post to John: one statement

// Comments (PostId is required: removing a comment from a post deletes it).
await hello.CreateCommentAsync(db, new Comment { Body = "  First!  ", CommenterId = jane.Id }); // the hook trims it
await hello.CreateCommentAsync(db, new Comment { Body = "Welcome.", CommenterId = jane.Id });
var spam = await sql.CreateCommentAsync(db, new Comment { Body = "Buy cheap watches" });
await sql.CreateCommentAsync(db, new Comment { Body = "Agreed.", CommenterId = john.Id });
await sql.RemoveCommentAsync(db, spam);

// Tags (BelongsToMany through the generated PostTags junction): duplicates are ignored, re-adding is a no-op.
var csharp = await db.InsertAsync(new Tag { Name = "csharp" });
var databases = await db.InsertAsync(new Tag { Name = "databases" });
await hello.AddTagsAsync(db, [csharp, csharp, databases]);
await sql.SetTagsAsync(db, [databases]);
await draft.CreateTagAsync(db, new Tag { Name = "generators" });
await draft.AddTagAsync(db, csharp);

// Replace a whole set at once, atomically.
await jane.SetArticlesAsync(db, [draft]);

// The whole blog in three statements: users JOIN profiles, then posts of all users, then their comments and tags.
var users = await db.Query<User>()
    .OrderBy(User.Columns.Name)
    .IncludeProfile()
    .IncludeArticles(a => a.OrderBy(Post.Columns.Id)
        .IncludeComments(c => c.OrderBy(Comment.Columns.Id).IncludeCommenter())
        .IncludeTags(t => t.OrderBy(Tag.Columns.Name)))
    .ToListAsync();

Console.WriteLine();
foreach (var user in users)
{
    var published = user.Articles!.Count(p => p.Status == "published");
    Console.WriteLine($"{user.Name} — {user.Profile?.Bio ?? "(no profile)"}  [{published} published of {user.Articles!.Count}]");
    foreach (var post in user.Articles!)
    {
        var tags = post.Tags!.Count == 0 ? "none" : string.Join(", ", post.Tags!.Select(t => t.Name));
        Console.WriteLine($"  #{post.Id} {post.Title} ({post.Status}), {post.Comments!.Count} comment(s), tags: {tags}");
        foreach (var comment in post.Comments!)
            Console.WriteLine($"      “{comment.Body}” — {comment.Commenter?.Name ?? "anonymous"}");
    }
}

var author = await draft.GetAuthorAsync(db);
Console.WriteLine();
Console.WriteLine($"'{draft.Title}' is by {author!.Name}; John has it: {await john.HasArticleAsync(db, draft)}.");
Console.WriteLine($"Posts tagged 'databases': {string.Join(", ", (await databases.GetPostsAsync(db, q => q.OrderBy(Post.Columns.Id))).Select(p => p.Title))}");
Console.WriteLine($"Published (a named scope): {await db.Query<Post>().Published().CountAsync()} of {await db.Query<Post>().CountAsync()} posts");
Console.WriteLine($"Posts with a title starting with 'P': {string.Join(", ", (await db.Query<Post>().Where(Post.Columns.Title.Like("P%")).ToListAsync()).Select(p => p.Title))}");

// Streaming: rows handed out as they are read (to-one includes come with them), for results too big for a list.
var streamed = new List<string>();
await foreach (var post in db.Query<Post>().OrderBy(Post.Columns.Id).IncludeAuthor().AsAsyncEnumerable())
    streamed.Add($"{post.Title} by {post.Author?.Name ?? "nobody"}");
Console.WriteLine($"Streamed: {string.Join("; ", streamed)}");

// Plain SQL, Native AOT safe: parameters by position (@p0, …), rows read by the generated reader.
var publishedPosts = await db.QuerySqlAsync<Post>("SELECT * FROM \"Posts\" WHERE \"Status\" = @p0 ORDER BY \"Id\"", ["published"]);
Console.WriteLine($"Plain SQL, published: {string.Join(", ", publishedPosts.Select(p => p.Title))}; users: {await db.ScalarSqlAsync<long>("SELECT COUNT(*) FROM \"Users\"", [])}");

// A mistake is an exception that names the model, the association and the key — and changes nothing.
try
{
    await jane.AddArticlesAsync(db, new[] { hello.Id, 404 });
}
catch (AssociationException error)
{
    Console.WriteLine($"Refused: {error.Message.Split(". ")[0]}.");
}
Console.WriteLine($"Jane still has {await jane.CountArticlesAsync(db)} post(s).");
try
{
    await sql.CreateCommentAsync(db, new Comment { Body = "   " });
}
catch (InvalidOperationException error)
{
    Console.WriteLine($"Hook refused a comment: {error.Message} ({await sql.CountCommentsAsync(db)} comment(s) on '{sql.Title}', unchanged).");
}
