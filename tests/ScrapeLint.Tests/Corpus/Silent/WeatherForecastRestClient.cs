using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RestSharp;

namespace Fabrikam.Logistics.Weather;

public sealed record DailyForecast(DateOnly Date, double MinCelsius, double MaxCelsius, double PrecipitationMm, string Summary);

public sealed record ForecastResponse(string City, List<DailyForecast> Days);

public interface IWeatherOptions
{
    string ApiKey { get; }
    IReadOnlyList<string> DepotCities { get; }
}

/// <summary>Fetches the 5-day forecast for each depot city from our weather data provider's JSON API.</summary>
public sealed class WeatherForecastRestClient : IDisposable
{
    private readonly RestClient client;
    private readonly IWeatherOptions options;

    public WeatherForecastRestClient(IWeatherOptions options)
    {
        this.options = options;
        client = new RestClient(new RestClientOptions("https://api.example-weather.com")
        {
            Timeout = TimeSpan.FromSeconds(15),
            UserAgent = "fabrikam-logistics/3.1",
        });
        client.AddDefaultHeader("X-Api-Key", options.ApiKey);
    }

    public async Task<Dictionary<string, ForecastResponse>> ForDepotsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ForecastResponse>(StringComparer.OrdinalIgnoreCase);
        foreach (var city in options.DepotCities)
        {
            var request = new RestRequest("v2/forecast/daily")
                .AddQueryParameter("city", city)
                .AddQueryParameter("days", "5")
                .AddQueryParameter("units", "metric");

            var response = await client.ExecuteAsync<ForecastResponse>(request, cancellationToken);
            if (!response.IsSuccessful || response.Data is null)
            {
                continue;
            }

            result[city] = response.Data;
        }

        return result;
    }

    public async Task<List<string>> AlertsAsync(IEnumerable<string> cities, CancellationToken cancellationToken)
    {
        var alerts = new List<string>();
        foreach (var city in cities)
        {
            var alert = await client.GetAsync<List<string>>(new RestRequest($"v2/alerts/{Uri.EscapeDataString(city)}"), cancellationToken);
            alerts.AddRange(alert ?? new List<string>());
        }

        return alerts;
    }

    public void Dispose() => client.Dispose();
}
