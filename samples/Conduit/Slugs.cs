using System.Globalization;
using System.Text;

namespace Conduit;

/// <summary>Slugs from titles: "How to train your dragon" → "how-to-train-your-dragon".</summary>
public static class Slugs
{
    public static string From(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 80) slug = slug[..80].TrimEnd('-');
        return slug.Length == 0 ? "article" : slug;
    }

    /// <summary>The slug with a short random suffix, for a title whose slug is taken.</summary>
    public static string WithSuffix(string slug) => slug + "-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
}
