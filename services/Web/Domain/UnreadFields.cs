namespace Opco.Web.Domain;

/// <summary>
/// The fields of a form whose text could not be read (an amount that is not one): each says so on itself, and the form
/// is not sent while any is, so what was typed is never replaced by the previous value or by "none".
/// </summary>
public sealed class UnreadFields
{
    private readonly HashSet<string> _ids = [];

    public bool Any => _ids.Count > 0;

    public void Mark(string id, bool unread)
    {
        if (unread) _ids.Add(id);
        else _ids.Remove(id);
    }
}
