namespace ScrapeLint.Model
{
    internal sealed class UrlShape
    {
    }
}
