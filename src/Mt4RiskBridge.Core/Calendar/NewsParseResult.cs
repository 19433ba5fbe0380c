using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>The events read from a news file, in time order, and every row skipped with its line number.</summary>
public sealed record NewsParseResult(ImmutableArray<NewsEvent> Events, ImmutableArray<NewsParseError> Errors);
