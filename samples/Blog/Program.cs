using Blog;
using Associations;
using Microsoft.Data.Sqlite;

await using var db = new DbSession(new SqliteConnection("Data Source=blog.db"));
await db.SyncAsync<User>(new SyncOptions { Force = true });
var john = await db.InsertAsync(new User { Name = "John" });
var post = await john.CreateArticleAsync(db, new Post { Title = "Hello World" });
Console.WriteLine($"{john.Name} wrote #{post.Id} '{post.Title}' (AuthorId {post.AuthorId})");
Console.WriteLine(await john.CountArticlesAsync(db));
