using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScrapeLint.Tests.Verifiers;

/// <summary>
/// The code-fix tests compile like a current SDK project with <c>TreatWarningsAsErrors</c>: nullable reference
/// types enabled (the project templates' default), and every compiler warning a failure (the verifiers set
/// <c>CompilerDiagnostics.Warnings</c>, so a warning in the sources or in the fixed sources fails the test).
/// </summary>
internal static class StrictCompilation
{
    public static Solution WithNullableEnabled(Solution solution, ProjectId projectId)
    {
        var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
        return solution.WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable));
    }
}
