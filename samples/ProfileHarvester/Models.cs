namespace ProfileHarvester;

/// <summary>What we keep of one LinkedIn profile.</summary>
public sealed record ProfileSummary(string Handle, string? Name, string? Headline, string? Location)
{
    /// <summary>Files the profile's images were saved to.</summary>
    public IReadOnlyList<string> PhotoFiles { get; init; } = Array.Empty<string>();
}

/// <summary>One page of a company site, with the LinkedIn handles it links to.</summary>
public sealed record CrawledPage(Uri Url, string Title, IReadOnlyList<string> LinkedInHandles);

/// <summary>The readable text of a fetched page.</summary>
public sealed record PageSnapshot(string Url, string Title, string Text);

/// <summary>Everything a run produces; serialised to profiles.json.</summary>
public sealed record HarvestResult(DateTimeOffset HarvestedAt, IReadOnlyList<ProfileSummary> Profiles, IReadOnlyList<PageSnapshot> ExperiencePages);
