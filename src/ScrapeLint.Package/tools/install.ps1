# Run by NuGet in Visual Studio when ScrapeLint is installed into a packages.config project (PackageReference
# projects and the .NET SDK never run it: they read analyzers/ by themselves). Such projects list analyzers as
# <Analyzer Include="..."/> items, so each DLL under analyzers/dotnet/cs is added to the project here.
param($installPath, $toolsPath, $package, $project)

$analyzerFolder = Join-Path $installPath 'analyzers\dotnet\cs'
if (-not (Test-Path $analyzerFolder)) {
    return
}

# Only C# projects: the rules read C# syntax.
if ($project.Type -ne 'C#') {
    Write-Host "ScrapeLint: '$($project.Name)' is not a C# project; no analyzer added."
    return
}

# Visual Studio 2013 and older have no analyzer support.
$analyzers = $project.Object.AnalyzerReferences
if ($null -eq $analyzers) {
    Write-Host "ScrapeLint: this Visual Studio cannot run Roslyn analyzers (Visual Studio 2022 17.8 or newer is needed)."
    return
}

foreach ($dll in Get-ChildItem -Path $analyzerFolder -Filter '*.dll') {
    try {
        $analyzers.Add($dll.FullName)
    }
    catch {
        Write-Warning "ScrapeLint: could not add the analyzer $($dll.Name): $($_.Exception.Message)"
    }
}
