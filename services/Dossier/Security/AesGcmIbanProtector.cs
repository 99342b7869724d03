using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Opco.Dossier.Domain;
using Opco.SharedKernel;

namespace Opco.Dossier.Security;

public sealed class IbanEncryptionOptions
{
    public const string Section = "Dossier";

    /// <summary>A secret of at least 32 characters (the AppHost generates one); the AES key is derived from it.</summary>
    public string IbanEncryptionKey { get; set; } = "";
}

/// <summary>
/// AES-256-GCM: a stored IBAN is its format version, a random nonce, the tag and the cipher text. GCM authenticates,
/// so a value altered in the database fails to decrypt instead of paying the wrong account.
/// </summary>
public sealed class AesGcmIbanProtector : IIbanProtector
{
    public const int MinimumSecretLength = 32;
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public AesGcmIbanProtector(IOptions<IbanEncryptionOptions> options) : this(options.Value.IbanEncryptionKey) { }

    public AesGcmIbanProtector(string secret)
    {
        if (secret.Length < MinimumSecretLength)
            throw new InvalidOperationException($"Dossier:IbanEncryptionKey must hold at least {MinimumSecretLength} characters.");
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "opco-dossier-iban"u8.ToArray());
    }

    public byte[] Protect(Iban iban)
    {
        var plain = Encoding.ASCII.GetBytes(iban.Value);
        var result = new byte[1 + NonceSize + TagSize + plain.Length];
        result[0] = FormatVersion;
        var nonce = result.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, result.AsSpan(1 + NonceSize + TagSize), result.AsSpan(1 + NonceSize, TagSize));
        return result;
    }

    public Iban Unprotect(byte[] protectedIban)
    {
        if (protectedIban.Length <= 1 + NonceSize + TagSize || protectedIban[0] != FormatVersion)
            throw new CryptographicException("Not an IBAN protected by this service.");
        var plain = new byte[protectedIban.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(protectedIban.AsSpan(1, NonceSize), protectedIban.AsSpan(1 + NonceSize + TagSize),
            protectedIban.AsSpan(1 + NonceSize, TagSize), plain);
        return Iban.TryParse(Encoding.ASCII.GetString(plain), out var iban) ? iban! : throw new CryptographicException("Decrypted value is not an IBAN.");
    }
}
