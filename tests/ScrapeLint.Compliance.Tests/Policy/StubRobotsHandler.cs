using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeLint.Compliance.Tests.Policy;

/// <summary>An in-memory robots.txt server for tests that are about pacing rather than HTTP.</summary>
internal sealed class StubRobotsHandler : HttpMessageHandler
{
    private readonly string _robots;
    private int _requests;

    public StubRobotsHandler(string robots)
    {
        _robots = robots;
    }

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(_robots, Encoding.UTF8, "text/plain"),
            RequestMessage = request,
        });
    }
}
