using Microsoft.EntityFrameworkCore;
using Opco.Messaging.Outbox;

namespace Opco.Messaging.Copies;

/// <summary>
/// That a local copy of another service's data (the companies, the users' preferred establishments…) asked its source
/// for the whole of it. A copy that appears after its source has data would otherwise only ever learn later changes.
/// </summary>
public sealed class CopyFill
{
    public string CopyName { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }

    private CopyFill() { }

    public static CopyFill Of(string copyName, DateTimeOffset requestedAt) => new() { CopyName = copyName, RequestedAt = requestedAt };
}

public static class Snapshots
{
    /// <summary>
    /// How long before its read a snapshot says its state is from: longer than any transaction that changes the data, so
    /// a change committed during the read carries a later time than the snapshot and is not discarded as older.
    /// </summary>
    public static readonly TimeSpan CommitMargin = TimeSpan.FromMinutes(1);

    /// <summary>Publishes <paramref name="items"/> in pages through the outbox; <paramref name="page"/> makes the message of (items, number, count).</summary>
    public static void PublishInPages<TItem>(DbContext db, IReadOnlyList<TItem> items, int pageSize, Func<TItem[], int, int, object> page)
    {
        var pages = items.Chunk(pageSize).ToList();
        for (var index = 0; index < pages.Count; index++) db.PublishOnCommit(page(pages[index], index + 1, pages.Count));
    }
}
