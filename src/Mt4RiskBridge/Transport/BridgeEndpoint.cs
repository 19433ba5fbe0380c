namespace Mt4RiskBridge.Transport;

/// <summary>The address the ROUTER socket actually bound (the real port when the setting asked for port 0).</summary>
public sealed class BridgeEndpoint
{
    private readonly TaskCompletionSource<string> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string BoundAddress => _bound.Task.IsCompletedSuccessfully
        ? _bound.Task.Result
        : throw new InvalidOperationException("The bridge endpoint is not bound yet; start the host first.");

    /// <summary>Completes once the socket is bound.</summary>
    public Task<string> Bound => _bound.Task;

    internal void SetBound(string address) => _bound.TrySetResult(address);
}
