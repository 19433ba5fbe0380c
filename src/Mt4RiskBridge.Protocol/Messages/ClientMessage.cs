namespace Mt4RiskBridge.Protocol;

/// <summary>A message a terminal (or any client) sends to the service.</summary>
public abstract record ClientMessage : WireMessage;
