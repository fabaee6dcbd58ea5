using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;

namespace Woodgrove.PointOfSale.Updater;

public interface IUpdaterSettings
{
    string UpdateServer { get; }
    string StoreId { get; }
}

/// <summary>
/// .NET Framework-era updater of the point-of-sale terminals (kept on WebClient): downloads the patches
/// listed in our update server's manifest and reports back through the old SOAP endpoint.
/// </summary>
#pragma warning disable SYSLIB0014 // WebClient/WebRequest are obsolete; this component is frozen.
public sealed class LegacyPatchDownloader
{
    private readonly IUpdaterSettings settings;

    public LegacyPatchDownloader(IUpdaterSettings settings) => this.settings = settings;

    public List<string> DownloadPending(int installedVersion, string patchFolder)
    {
        var downloaded = new List<string>();
        using var client = new WebClient();
        client.Headers[HttpRequestHeader.UserAgent] = "Woodgrove-POS-Updater/7.2";

        var manifest = client.DownloadString($"{settings.UpdateServer}/pos/manifest.txt");
        foreach (var line in manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(line, out var version) || version <= installedVersion)
            {
                continue;
            }

            var target = Path.Combine(patchFolder, $"pos-{version}.msp");
            client.DownloadFile($"{settings.UpdateServer}/pos/patches/{version}.msp", target);
            downloaded.Add(target);
            ReportInstalled(version);
        }

        return downloaded;
    }

    private void ReportInstalled(int version)
    {
        var request = (HttpWebRequest)WebRequest.Create($"{settings.UpdateServer}/services/TerminalStatus.asmx");
        request.Method = "POST";
        request.ContentType = "text/xml; charset=utf-8";
        request.Headers.Add("SOAPAction", "\"http://woodgrove.example/ReportPatch\"");
        var envelope = "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + $"<ReportPatch xmlns=\"http://woodgrove.example/\"><storeId>{settings.StoreId}</storeId><version>{version}</version></ReportPatch>"
            + "</soap:Body></soap:Envelope>";
        var body = Encoding.UTF8.GetBytes(envelope);
        using (var stream = request.GetRequestStream())
        {
            stream.Write(body, 0, body.Length);
        }

        using var response = (HttpWebResponse)request.GetResponse();
    }
}
#pragma warning restore SYSLIB0014
