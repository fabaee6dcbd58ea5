using System.Text;
using RateLimit = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RateLimitRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// Deep but finite value chains keep their finding: each local is evaluated once per evaluator (no re-evaluation per
/// assignment per hop), and the depth cap is far above what hand-written code reaches.
/// </summary>
public class EvaluationDepthTests
{
    /// <summary>
    /// <c>var u1 = slash ? u0 + "/" : u0; if (…) u1 = u0 + "?p=1";</c> and so on: every local reads the previous one
    /// three times, so an evaluation that re-walks each read costs 3^n (twelve hops already spent the evaluation budget
    /// and lost the finding). Each local is now evaluated once: the finding survives any depth.
    /// </summary>
    [Theory]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(40)]
    public Task LocalsAssignedTwiceFromThePreviousOne_KeepTheLoopFinding(int hops)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Collections.Generic;");
        source.AppendLine("using System.Net.Http;");
        source.AppendLine("using System.Threading.Tasks;");
        source.AppendLine("public class Chain");
        source.AppendLine("{");
        source.AppendLine("    private readonly HttpClient http = new HttpClient();");
        source.AppendLine("    public async Task Run(IEnumerable<string> pages, bool slash)");
        source.AppendLine("    {");
        source.AppendLine("        foreach (var page in pages)");
        source.AppendLine("        {");
        source.AppendLine("            var u0 = \"https://forum.example.net/\" + page;");
        for (var i = 1; i <= hops; i++)
        {
            source.AppendLine($"            var u{i} = slash ? u{i - 1} + \"/\" : u{i - 1};");
            source.AppendLine($"            if (page.Length > {i}) u{i} = u{i - 1} + \"?p={i}\";");
        }

        source.AppendLine($"            var html = await {{|#0:http.GetStringAsync(u{hops})|}};");
        source.AppendLine("            if (html.Contains(\"href=\")) System.Console.WriteLine(html.Length);");
        source.AppendLine("        }");
        source.AppendLine("    }");
        source.AppendLine("}");
        return RateLimit.VerifyAsync(source.ToString(), RateLimit.Diagnostic("SL2002").WithLocation(0));
    }

    /// <summary>
    /// Issue 18, scaling benchmark (e): <c>"https://…/" + page + "?v=1" + "&amp;p0=" + … </c> of hundreds of parts parses
    /// left-deep, and evaluated by recursion its depth was its length: past the depth cap (128) the URL became a hole and
    /// the finding was lost. A concatenation is now one list of parts.
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(300)]
    [InlineData(1000)]
    public Task LongConcatenation_KeepsTheLoopFinding(int parts)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Collections.Generic;");
        source.AppendLine("using System.Net.Http;");
        source.AppendLine("using System.Threading.Tasks;");
        source.AppendLine("public class Concatenated");
        source.AppendLine("{");
        source.AppendLine("    private readonly HttpClient http = new HttpClient();");
        source.AppendLine("    public async Task Run(IEnumerable<string> pages, int kind)");
        source.AppendLine("    {");
        source.AppendLine("        foreach (var page in pages)");
        source.AppendLine("        {");
        source.Append("            var url = \"https://forum.example.net/\" + page + \"?v=1\"");
        for (var i = 0; i < parts; i++)
        {
            source.Append(i % 3 == 0 ? $" + \"&p{i}=\"" : i % 3 == 1 ? " + kind" : $"\n                + \"{i % 10}\"");
        }

        source.AppendLine(";");
        source.AppendLine("            var html = await {|#0:http.GetStringAsync(url)|};");
        source.AppendLine("            if (html.Contains(\"href=\")) System.Console.WriteLine(html.Length);");
        source.AppendLine("        }");
        source.AppendLine("    }");
        source.AppendLine("}");
        return RateLimit.VerifyAsync(source.ToString(), RateLimit.Diagnostic("SL2002").WithLocation(0));
    }
}
