using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Litware.Reporting.Exports;

public sealed record ExportJob(Guid Id, string State, int PercentComplete, string? ResultUrl, string? Error);

public interface IReportingLog
{
    void Info(string message);
}

/// <summary>Starts a report export on the reporting API and polls its status URL until it finishes.</summary>
public sealed class JobStatusPoller
{
    private readonly HttpClient http;
    private readonly IReportingLog log;

    public JobStatusPoller(HttpClient http, IReportingLog log)
    {
        this.http = http;
        this.log = log;
        this.http.BaseAddress ??= new Uri("https://reporting.litware.internal/");
    }

    public async Task<ExportJob> ExportAndWaitAsync(string reportName, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        using var start = await http.PostAsJsonAsync("api/exports", new { report = reportName, format = "xlsx" }, cancellationToken);
        start.EnsureSuccessStatusCode();
        var statusUrl = start.Headers.Location ?? throw new InvalidOperationException("The export API returned no Location header");

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var job = await http.GetFromJsonAsync<ExportJob>(statusUrl, cancellationToken)
                ?? throw new InvalidOperationException("Empty job status");

            log.Info($"Export {job.Id}: {job.State} {job.PercentComplete}%");
            switch (job.State)
            {
                case "Succeeded":
                    return job;
                case "Failed":
                    throw new InvalidOperationException($"Export failed: {job.Error}");
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }
}
