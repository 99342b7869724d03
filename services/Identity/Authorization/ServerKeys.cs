using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Opco.Identity.Authorization;

/// <summary>
/// Signing and encryption keys that survive restarts: generated once in the key directory (run mode: under .data/),
/// or supplied by configuration. There are no ephemeral development keys.
/// </summary>
public sealed record ServerKeys(SecurityKey Signing, SecurityKey Encryption, DirectoryInfo? DataProtectionDirectory)
{
    public static ServerKeys Load(IdentityServerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            var encryption = options.EncryptionKey
                ?? throw new InvalidOperationException("Identity:EncryptionKey must accompany Identity:SigningKeyPem.");
            var rsa = RSA.Create();
            rsa.ImportFromPem(options.SigningKeyPem);
            return new ServerKeys(SigningKey(rsa), new SymmetricSecurityKey(Convert.FromBase64String(encryption)),
                options.KeyDirectory is null ? null : Directory.CreateDirectory(Path.Combine(options.KeyDirectory, "data-protection")));
        }

        var directory = options.KeyDirectory
            ?? throw new InvalidOperationException("Configure Identity:KeyDirectory, or Identity:SigningKeyPem and Identity:EncryptionKey.");
        Directory.CreateDirectory(directory);
        var signing = RSA.Create();
        signing.ImportFromPem(ReadOrCreate(Path.Combine(directory, "signing-key.pem"), () => RSA.Create(2048).ExportPkcs8PrivateKeyPem()));
        var encryptionKey = Convert.FromBase64String(ReadOrCreate(Path.Combine(directory, "encryption-key.txt"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        return new ServerKeys(SigningKey(signing), new SymmetricSecurityKey(encryptionKey),
            Directory.CreateDirectory(Path.Combine(directory, "data-protection")));
    }

    private static RsaSecurityKey SigningKey(RSA rsa)
    {
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    /// <summary>Several instances may start together: the first to create the file wins, the others read it.</summary>
    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(create());
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch (IOException) when (File.Exists(path))
            {
                Thread.Sleep(100);
            }
        }
        return File.ReadAllText(path);
    }
}
