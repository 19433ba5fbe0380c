namespace Mt4RiskBridge.Protocol;

/// <summary>A message the service sends to a client, as a reply or unasked.</summary>
public abstract record ServiceMessage : WireMessage;
