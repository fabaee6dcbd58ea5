// An event-driven crawl: the completion handler reads the page's links and calls Next() again, which starts the
// next download through a virtual method whose override requests the job's URL.
using System;
using System.Collections.Generic;
using System.Net;

namespace Harvest.Events;

public sealed class PageJob
{
    public string Url = "";
    public bool Done;
}

public class Downloader
{
    public event Action<PageJob, string>? Completed;

    public virtual void Start(PageJob job)
    {
    }

    protected void OnCompleted(PageJob job, string html) => Completed?.Invoke(job, html);
}

public sealed class WebDownloader : Downloader
{
    public override void Start(PageJob job) => OnCompleted(job, new WebClient().DownloadString(job.Url));
}

public sealed class Scheduler
{
    private readonly List<PageJob> _jobs = new();
    private readonly Downloader _downloader;

    public Scheduler(Downloader downloader, string seed)
    {
        _downloader = downloader;
        _jobs.Add(new PageJob { Url = seed });
        _downloader.Completed += (job, html) =>
        {
            Harvest(html);
            Next();
        };
    }

    public void Next()
    {
        var job = _jobs.Find(j => !j.Done);
        if (job == null)
        {
            return;
        }

        job.Done = true;
        _downloader.Start(job); // expect: SL2001, SL2002
    }

    private void Harvest(string html)
    {
        foreach (var part in html.Split("href=\"")[1..])
        {
            _jobs.Add(new PageJob { Url = part.Split('"')[0] });
        }
    }
}
