using NetMQ;

namespace Mt4RiskBridge.Security;

/// <summary>
/// <c>Mt4RiskBridge keygen &lt;folder&gt; [name]</c>: writes a CURVE key pair as two Z85 text files,
/// <c>name.pub</c> and <c>name.key</c> (default name <c>server</c>), readable by libzmq, mql-zmq and the service.
/// Never overwrites a key.
/// </summary>
public static class KeygenCommand
{
    public const string Name = "keygen";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count is < 1 or > 2)
        {
            error.WriteLine("usage: Mt4RiskBridge keygen <folder> [name]   (writes <folder>/<name>.pub and <folder>/<name>.key; name defaults to server)");
            return 2;
        }
        var folder = Path.GetFullPath(args[0]);
        var name = args.Count > 1 ? args[1] : "server";
        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            error.WriteLine($"keygen: the name may hold letters, digits, '-' and '_' only, not \"{name}\"");
            return 2;
        }
        var publicPath = Path.Combine(folder, name + ".pub");
        var secretPath = Path.Combine(folder, name + ".key");
        foreach (var path in new[] { publicPath, secretPath })
        {
            if (File.Exists(path))
            {
                error.WriteLine($"keygen: {path} already exists; keygen never overwrites a key (move it away first)");
                return 1;
            }
        }

        Directory.CreateDirectory(folder);
        var pair = new NetMQCertificate();
        Write(secretPath, pair.SecretKeyZ85 ?? throw new InvalidOperationException("NetMQ made a key pair without a secret key"), secret: true);
        Write(publicPath, pair.PublicKeyZ85, secret: false);
        output.WriteLine($"wrote {publicPath} (public, give it to the terminals) and {secretPath} (secret, service only)");
        output.WriteLine($"public key: {pair.PublicKeyZ85}");
        output.WriteLine($"settings:   --Bridge:Curve:PublicKeyFile={publicPath} --Bridge:Curve:SecretKeyFile={secretPath}");
        return 0;
    }

    private static void Write(string path, string z85, bool secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // The secret is never readable by others, not even for the moment between creating and restricting it.
            options.UnixCreateMode = secret
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(z85);
        writer.Write('\n');
    }
}
