using System.Collections.Immutable;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// Judges recorded checks again through the one decision function: once under the base policy (to show the replay
/// reproduces what was recorded) and once under the what-if policy, keeping the checks whose verdict or lots change.
/// </summary>
public sealed class WhatIfReplay
{
    private const int ListedLines = 20;
    private readonly WhatIfProfile _profile;
    private readonly RiskEngine _base;
    private readonly RiskEngine _whatIf;
    private readonly List<WhatIfChange> _changed = [];
    private readonly List<int> _notReproduced = [];
    private readonly List<int> _notReplayable = [];
    private int _replayed, _reproduced, _rateLimited, _notReplayableCount;

    public WhatIfReplay(WhatIfProfile profile, RiskPolicy basePolicy)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _base = new RiskEngine(basePolicy);
        _whatIf = new RiskEngine(profile.Apply(basePolicy));
    }

    public void Add(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Check is not { } check)
        {
            if (record.Compact) _rateLimited++;
            else NotReplayable(record.LineNumber);
            return;
        }
        Decision again, whatIf;
        try
        {
            again = _base.Evaluate(check);
            whatIf = _whatIf.Evaluate(check);
        }
#pragma warning disable CA1031 // Facts the engine cannot judge make the line not replayable; the report goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            NotReplayable(record.LineNumber);
            return;
        }
        _replayed++;
        if (Same(again, record.Verdict, record.Lots)) _reproduced++;
        else if (_notReproduced.Count < ListedLines) _notReproduced.Add(record.LineNumber);
        if (Same(whatIf, record.Verdict, record.Lots)) return;
        var order = check.Order;
        _changed.Add(new WhatIfChange(record.LineNumber, record.At, record.Login, record.Id, order.Symbol, order.Side == Side.Buy ? "buy" : "sell",
            order.Lots, record.Verdict, record.Lots, Name(whatIf.Verdict), whatIf.Lots, [.. whatIf.Reasons.Select(r => r.Code)],
            Explaining(whatIf.Reasons)?.Message));
    }

    /// <summary>
    /// The reason that says why: windows in force are listed first whether or not they bound, so the first
    /// other reason (the rule that set the lots) explains the change better; a window only when nothing else.
    /// </summary>
    private static Reason? Explaining(ImmutableArray<Reason> reasons)
    {
        foreach (var reason in reasons)
            if (reason.Code is not (ReasonCode.WeekendWindow or ReasonCode.NewsWindow)) return reason;
        return reasons.IsEmpty ? null : reasons[0];
    }

    public WhatIfResult Result() =>
        new(_profile.Name, _replayed, _reproduced, [.. _notReproduced], _rateLimited, _notReplayableCount, [.. _notReplayable], [.. _changed]);

    private void NotReplayable(int line)
    {
        _notReplayableCount++;
        if (_notReplayable.Count < ListedLines) _notReplayable.Add(line);
    }

    private static bool Same(Decision decision, string verdict, decimal lots) =>
        Name(decision.Verdict) == verdict && decision.Lots == lots;

    private static string Name(Core.Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
