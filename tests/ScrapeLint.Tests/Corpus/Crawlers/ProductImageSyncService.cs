using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Storefront.Catalog;

public sealed record Product(string Sku, string Name, string ImageUrl);

public sealed record StockLevel(string Sku, int Available);

public interface IProductRepository
{
    Task<IReadOnlyList<Product>> PendingImagesAsync(CancellationToken ct);

    Task MarkSyncedAsync(string sku, string localPath, CancellationToken ct);

    Task UpdateStockAsync(StockLevel level, CancellationToken ct);
}

/// <summary>Thin wrapper so the HTTP calls can be faked in tests.</summary>
public sealed class HttpFetcher
{
    private readonly HttpClient _http;

    public HttpFetcher(HttpClient http) => _http = http;

    public Task<byte[]> BytesAsync(string url, CancellationToken ct) => _http.GetByteArrayAsync(url, ct);
}

public sealed class ImageStore
{
    private readonly HttpFetcher _fetcher;
    private readonly string _root;

    public ImageStore(HttpFetcher fetcher, string root)
    {
        _fetcher = fetcher;
        _root = root;
    }

    public async Task<string> SaveAsync(string imageUrl, string name, CancellationToken ct)
    {
        var bytes = await _fetcher.BytesAsync(imageUrl, ct);
        var path = Path.Combine(_root, name + Path.GetExtension(new Uri(imageUrl).AbsolutePath));
        await File.WriteAllBytesAsync(path, bytes, ct);
        return path;
    }
}

/// <summary>Copies the supplier's product pictures to our storage and refreshes stock from its API.</summary>
public sealed class ProductImageSyncService
{
    private readonly IProductRepository _repository;
    private readonly ImageStore _images;
    private readonly HttpClient _http;

    public ProductImageSyncService(IProductRepository repository, ImageStore images, HttpClient http)
    {
        _repository = repository;
        _images = images;
        _http = http;
    }

    public async Task<int> SyncImagesAsync(CancellationToken ct)
    {
        var count = 0;
        foreach (var product in await _repository.PendingImagesAsync(ct))
        {
            var path = await _images.SaveAsync(product.ImageUrl, product.Sku, ct); // expect: SL1002, SL2001, SL2002
            await _repository.MarkSyncedAsync(product.Sku, path, ct);
            count++;
        }

        return count;
    }

    public async Task RefreshStockAsync(IEnumerable<string> skus, CancellationToken ct)
    {
        foreach (var sku in skus)
        {
            var level = await _http.GetFromJsonAsync<StockLevel>($"https://supplier.example.com/api/v2/stock/{sku}", ct);
            if (level is not null)
            {
                await _repository.UpdateStockAsync(level, ct);
            }
        }
    }
}
