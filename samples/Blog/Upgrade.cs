using Associations;
using Blog.V2; // the version-2 extension methods (IncludeArticles, …); V2 types are still named V2.X here

namespace Blog;

/// <summary>
/// `--upgrade`: moves the blog's database from the first version of the models (Models.cs) to the second
/// (ModelsV2.cs) with SyncAsync(new SyncOptions { Alter = true }), showing the diff first. Safe to run again.
/// </summary>
internal static class Upgrade
{
    public static async Task RunAsync(DbSession db)
    {
        // A database from a plain run is the usual starting point; an empty one gets the first version first.
        await db.SyncAsync<User>();

        var diff = await Schema.DiffAsync(db, typeof(V2.User));
        Console.WriteLine(diff.IsEmpty ? "The database is already at version 2." : $"Changes to reach version 2 ({diff.Changes.Count}):");
        foreach (var change in diff.Changes)
            Console.WriteLine($"  {change.Kind,-16} {change.Table}{(change.Column is null ? "" : "." + change.Column)}  {change.After}");

        await db.SyncAsync<V2.User>(new SyncOptions { Alter = true }); // one transaction; refuses rather than lose data
        Console.WriteLine($"In step after Alter: {(await Schema.DiffAsync(db, typeof(V2.User))).IsEmpty}");

        // The rows of version 1 are all there, now read through the version-2 models.
        var news = await db.Query<V2.Category>().Where(V2.Category.Columns.Name == "News").FirstOrDefaultAsync()
            ?? await db.InsertAsync(new V2.Category { Name = "News" });
        foreach (var post in await db.Query<V2.Post>().Where(V2.Post.Columns.Status == "published").ToListAsync())
            await news.AddPostAsync(db, post);
        var john = await db.Query<V2.User>().Where(V2.User.Columns.Name == "John").FirstOrDefaultAsync();
        if (john is not null)
        {
            john.Website = "https://john.example";
            await db.UpdateAsync(john);
        }

        Console.WriteLine();
        foreach (var user in await db.Query<V2.User>().OrderBy(V2.User.Columns.Name).IncludeArticles(a => a.OrderBy(V2.Post.Columns.Id).IncludeCategory()).ToListAsync())
        {
            Console.WriteLine($"{user.Name} — {user.Website ?? "(no website)"}");
            foreach (var post in user.Articles!)
                Console.WriteLine($"  #{post.Id} {post.Title} in {post.Category?.Name ?? "(no category)"}");
        }
        Console.WriteLine($"{await news.CountPostsAsync(db)} post(s) in News; {await db.Query<V2.Comment>().CountAsync()} comment(s) kept.");
    }
}
