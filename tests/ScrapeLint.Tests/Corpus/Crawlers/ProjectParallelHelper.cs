// A lambda handed to the project's own per-element helpers: a partitioned parallel helper (bounded) and a plain
// sequential one.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AngleSharp;

namespace Recipes;

public static class EnumerableHelpers
{
    public static Task ForEachBounded<T>(this IEnumerable<T> source, Func<T, Task> body, int degree = 4)
    {
        async Task Drain(IEnumerator<T> part)
        {
            using (part)
            {
                while (part.MoveNext())
                {
                    await body(part.Current);
                }
            }
        }

        return Task.WhenAll(Partitioner.Create(source).GetPartitions(degree).Select(Drain));
    }

    public static async Task EachAsync<T>(IEnumerable<T> items, Func<T, Task> action)
    {
        foreach (var item in items)
        {
            await action(item);
        }
    }
}

public sealed class RecipeParser
{
    private static readonly HttpClient Client = new();

    public Task RunAsync(IEnumerable<string> links) => links.ForEachBounded(url => FetchAsync(url), Environment.ProcessorCount); // expect: SL2001

    public Task RunOneByOneAsync(IEnumerable<string> links) => EnumerableHelpers.EachAsync(links, url => FetchAsync(url)); // expect: SL2001, SL2002

    private static async Task FetchAsync(string url)
    {
        var html = await Client.GetStringAsync(url);
        var doc = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        Console.WriteLine(doc.Title);
    }
}
