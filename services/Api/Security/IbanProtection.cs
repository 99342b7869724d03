using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Opco.SharedKernel;

namespace Opco.Api.Security;

/// <summary>Encrypts an IBAN for storage and decrypts it for a payment; the key never leaves configuration.</summary>
public interface IIbanProtector
{
    byte[] Protect(Iban iban);
    Iban Unprotect(byte[] protectedIban);

    /// <summary>A keyed hash of the IBAN: the same account always gives the same, so accounts can be compared without being read.</summary>
    byte[] Fingerprint(Iban iban);
}

public static class IbanProtection
{
    /// <summary>
    /// The service's <see cref="IIbanProtector"/>, its key derived from the secret at "<paramref name="section"/>:IbanEncryptionKey"
    /// and its own <paramref name="purpose"/> (the AppHost gives the services one generated secret: each derives its own key); a
    /// missing or short secret stops the service at start, not at the first IBAN.
    /// </summary>
    public static IHostApplicationBuilder AddIbanProtection(this IHostApplicationBuilder builder, string section, string purpose)
    {
        var setting = $"{section}:IbanEncryptionKey";
        builder.Services.AddOptions<IbanKey>().BindConfiguration(section)
            .Validate(key => key.IbanEncryptionKey.Length >= AesGcmIbanProtector.MinimumSecretLength,
                $"{setting} must hold at least {AesGcmIbanProtector.MinimumSecretLength} characters.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IIbanProtector>(services =>
            new AesGcmIbanProtector(services.GetRequiredService<IOptions<IbanKey>>().Value.IbanEncryptionKey, purpose, setting));
        return builder;
    }

    private sealed class IbanKey
    {
        public string IbanEncryptionKey { get; set; } = "";
    }
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
    private readonly byte[] _fingerprintKey;

    /// <param name="purpose">Separates the keys of the services sharing the secret (e.g. "opco-dossier-iban").</param>
    public AesGcmIbanProtector(string secret, string purpose, string setting = "IbanEncryptionKey")
    {
        if (secret.Length < MinimumSecretLength)
            throw new InvalidOperationException($"{setting} must hold at least {MinimumSecretLength} characters.");
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.UTF8.GetBytes(purpose));
        _fingerprintKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.UTF8.GetBytes(purpose + "-fingerprint"));
    }

    public byte[] Fingerprint(Iban iban) => HMACSHA256.HashData(_fingerprintKey, Encoding.ASCII.GetBytes(iban.Value));

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
