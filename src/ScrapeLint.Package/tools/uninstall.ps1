# Run by NuGet in Visual Studio when ScrapeLint is removed from a packages.config project: takes out the analyzer
# references install.ps1 added. A reference that is already gone is no error.
param($installPath, $toolsPath, $package, $project)

$analyzerFolder = Join-Path $installPath 'analyzers\dotnet\cs'
if (-not (Test-Path $analyzerFolder)) {
    return
}

if ($project.Type -ne 'C#') {
    return
}

$analyzers = $project.Object.AnalyzerReferences
if ($null -eq $analyzers) {
    return
}

foreach ($dll in Get-ChildItem -Path $analyzerFolder -Filter '*.dll') {
    try {
        $analyzers.Remove($dll.FullName)
    }
    catch {
        # Removed by hand already, or never added.
    }
}
