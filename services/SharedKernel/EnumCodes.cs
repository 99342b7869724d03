namespace Opco.SharedKernel;

/// <summary>A code sent by a client or another service read as one of an enum's names, whatever its case and spaces.</summary>
public static class EnumCodes
{
    /// <summary>
    /// Only one name: <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> alone also takes numbers such as "0",
    /// and lists such as "Credit,Commitment", which it combines into another member.
    /// </summary>
    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        value = default;
        return code is not null && !code.Contains(',') && Enum.TryParse(code.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value)
               && !int.TryParse(code, out _);
    }
}
