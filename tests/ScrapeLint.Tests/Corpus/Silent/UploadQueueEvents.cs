// An upload queue driven by a completion event: each finished upload starts the next one, against the team's own
// storage API, and a progress event that only updates the screen.
using System;
using System.Collections.Generic;
using System.Net;

namespace Uploads;

public sealed class UploadJob
{
    public string File = "";
}

public sealed class Uploader
{
    public event Action<UploadJob>? Finished;

    public void Start(UploadJob job)
    {
        new WebClient().UploadFile("https://storage.internal.example/api/upload", job.File);
        Finished?.Invoke(job);
    }
}

public sealed class UploadQueue
{
    private readonly Queue<UploadJob> _pending = new();
    private readonly Uploader _uploader = new();

    public UploadQueue(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            _pending.Enqueue(new UploadJob { File = file });
        }

        _uploader.Finished += _ => Next();
    }

    public void Next()
    {
        if (_pending.Count > 0)
        {
            _uploader.Start(_pending.Dequeue());
        }
    }
}
