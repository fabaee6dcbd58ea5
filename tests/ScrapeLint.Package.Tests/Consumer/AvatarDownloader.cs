namespace Consumer;

public sealed class AvatarDownloader(HttpClient http, string dir)
{
    public async Task SaveAllAsync(IEnumerable<string> avatarUrls)
    {
        var n = 0;
        foreach (var avatarUrl in avatarUrls)
        {
            var bytes = await http.GetByteArrayAsync(avatarUrl);
            await File.WriteAllBytesAsync(Path.Combine(dir, $"{n++}.jpg"), bytes);
        }
    }
}
