using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeLint.Compliance.Tests.Policy;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port, answering with a test-supplied function.
/// Counts the requests it received per path and remembers their User-Agent headers.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _respond;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LoopbackServer(Func<HttpListenerContext, Task> respond)
    {
        _respond = respond;
        Port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri { get; }

    public ConcurrentQueue<string?> UserAgents { get; } = new();

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public int Hits(string path) => _hits.TryGetValue(path, out var count) ? count : 0;

    public static async Task WriteAsync(HttpListenerContext context, int status, string body = "", string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public static void Redirect(HttpListenerContext context, string location, int status = 301)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["Location"] = location;
        context.Response.ContentLength64 = 0;
        context.Response.Close();
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _hits.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, static (_, n) => n + 1);
            UserAgents.Enqueue(context.Request.UserAgent);
            _ = Task.Run(async () =>
            {
                try
                {
                    await _respond(context);
                }
                catch (Exception)
                {
                    // The client went away (timeouts are part of the tests).
                    try
                    {
                        context.Response.Abort();
                    }
                    catch (Exception)
                    {
                    }
                }
            });
        }
    }
}
