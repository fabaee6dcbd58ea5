using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Adatum.Billing.Documents;

public interface IRendererOptions
{
    int InternalPort { get; }
    string OutputFolder { get; }
}

public interface IDocumentLog
{
    void Info(string message);
}

/// <summary>
/// Prints invoices to PDF: the billing web app runs in the same container and serves a print view
/// at http://localhost:{port}/invoices/{id}/print, which headless Chromium renders.
/// </summary>
public sealed class InvoicePdfRenderer : IAsyncDisposable
{
    private readonly IRendererOptions options;
    private readonly IDocumentLog log;
    private IBrowser? browser;

    public InvoicePdfRenderer(IRendererOptions options, IDocumentLog log)
    {
        this.options = options;
        this.log = log;
    }

    public async Task<List<string>> RenderAsync(IEnumerable<string> invoiceNumbers, CancellationToken cancellationToken)
    {
        browser ??= await Puppeteer.LaunchAsync(new LaunchOptions { Headless = true, Args = new[] { "--no-sandbox" } });
        var files = new List<string>();
        await using var page = await browser.NewPageAsync();

        foreach (var number in invoiceNumbers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var printUrl = $"http://localhost:{options.InternalPort}/invoices/{Uri.EscapeDataString(number)}/print";
            var response = await page.GoToAsync(printUrl, WaitUntilNavigation.Networkidle0);
            if (response is null || !response.Ok)
            {
                log.Info($"Invoice {number}: print view returned {(int?)response?.Status}");
                continue;
            }

            var file = Path.Combine(options.OutputFolder, $"{number}.pdf");
            await page.PdfAsync(file, new PdfOptions { Format = PaperFormat.A4, PrintBackground = true });
            files.Add(file);
        }

        return files;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }
}
