// The Blog sample: creates the schema, fills a small blog and uses the generated accessors.
//   dotnet run --project samples/Blog                        (SQLite file blog.db, no server needed)
//   dotnet run --project samples/Blog -- --postgres "Host=127.0.0.1;Port=55432;Username=postgres;Database=associations_test"
//   ASSOCIATIONS_PG="Host=…" dotnet run --project samples/Blog
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

// Every run starts from a fresh schema, so the output is the same each time.
await db.SyncAsync<User>(new SyncOptions { Force = true });

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
await hello.CreateCommentAsync(db, new Comment { Body = "First!", CommenterId = jane.Id });
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

Console.WriteLine();
foreach (var user in await db.Query<User>().OrderBy(User.Columns.Name).ToListAsync())
{
    var profile = await user.GetProfileAsync(db);
    var published = await user.CountArticlesAsync(db, q => q.Where(Post.Columns.Status == "published"));
    Console.WriteLine($"{user.Name} — {profile?.Bio ?? "(no profile)"}  [{published} published of {await user.CountArticlesAsync(db)}]");
    foreach (var post in await user.GetArticlesAsync(db, q => q.OrderBy(Post.Columns.Id)))
    {
        var tags = await post.GetTagsAsync(db, q => q.OrderBy(Tag.Columns.Name));
        Console.WriteLine($"  #{post.Id} {post.Title} ({post.Status}), {await post.CountCommentsAsync(db)} comment(s), tags: {(tags.Count == 0 ? "none" : string.Join(", ", tags.Select(t => t.Name)))}");
        foreach (var comment in await post.GetCommentsAsync(db, q => q.OrderBy(Comment.Columns.Id)))
        {
            var commenter = await comment.GetCommenterAsync(db);
            Console.WriteLine($"      “{comment.Body}” — {commenter?.Name ?? "anonymous"}");
        }
    }
}

var author = await draft.GetAuthorAsync(db);
Console.WriteLine();
Console.WriteLine($"'{draft.Title}' is by {author!.Name}; John has it: {await john.HasArticleAsync(db, draft)}.");
Console.WriteLine($"Posts tagged 'databases': {string.Join(", ", (await databases.GetPostsAsync(db, q => q.OrderBy(Post.Columns.Id))).Select(p => p.Title))}");
Console.WriteLine($"Posts with a title starting with 'P': {string.Join(", ", (await db.Query<Post>().Where(Post.Columns.Title.Like("P%")).ToListAsync()).Select(p => p.Title))}");

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
