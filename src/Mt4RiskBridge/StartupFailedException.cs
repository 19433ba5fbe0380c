namespace Mt4RiskBridge;

/// <summary>
/// The service cannot start for a reason outside its code (a port held by another process, a folder it cannot
/// write); the message is the one line the operator sees.
/// </summary>
public sealed class StartupFailedException : Exception
{
    public StartupFailedException()
    {
    }

    public StartupFailedException(string message)
        : base(message)
    {
    }

    public StartupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
