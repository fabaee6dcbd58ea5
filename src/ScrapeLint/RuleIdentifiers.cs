namespace ScrapeLint
{
    /// <summary>Rule IDs, categories and help links: the one place they are written.</summary>
    internal static class RuleIdentifiers
    {
        public const string ProfilePagesInLoop = "SL1001";
        public const string ImagesInBulk = "SL1002";
        public const string FaceRecognitionOnWebImages = "SL1003";
        public const string CrawlWithoutRobotsCheck = "SL2001";
        public const string CrawlWithoutRateLimit = "SL2002";
        public const string UnboundedConcurrentCrawl = "SL2003";
        public const string BrowserUserAgent = "SL3001";
        public const string RotatingProxies = "SL3002";
        public const string CaptchaOrBotEvasion = "SL3003";
        public const string SocialSessionCookie = "SL3004";
        public const string AutomatedLogin = "SL3005";
        public const string RestrictedPlatform = "SL4001";

        public const string HelpLinkBase = "https://github.com/scrapelint/scrapelint/blob/main/docs/rules/";

        public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
    }

    internal static class RuleCategories
    {
        public const string PersonalData = "PersonalData";
        public const string Crawling = "Crawling";
        public const string Evasion = "Evasion";
        public const string Terms = "Terms";
    }
}
