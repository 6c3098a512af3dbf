namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// The alerts of one audience (a team's lead): each subject reports the conditions that hold
/// for it, and the book raises an alert when a condition starts, keeps it (one alert, its
/// numbers updated) while the condition holds, and clears it once the condition has not been
/// reported for <see cref="ClearAfter"/>, so a condition that flickers is not raised once a
/// second. An acknowledgement stays with its alert until it clears. Cleared alerts are kept
/// <see cref="KeepCleared"/> for the record.
/// </summary>
public sealed class AlertBook
{
    public static readonly TimeSpan ClearAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan KeepCleared = TimeSpan.FromDays(1);

    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastHeld = new(StringComparer.Ordinal);

    public AlertBook(IEnumerable<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            _alerts[alert.AlertId] = alert;
            if (alert.IsOpen)
            {
                _lastHeld[alert.AlertId] = alert.UpdatedAt;
            }
        }
    }

    /// <summary>Every alert kept, open ones first, newest first.</summary>
    public IEnumerable<Alert> Alerts => _alerts.Values.OrderByDescending(a => a.IsOpen).ThenByDescending(a => a.RaisedAt).ThenBy(a => a.AlertId, StringComparer.Ordinal);

    public Alert? Find(string alertId) => _alerts.GetValueOrDefault(alertId);

    /// <summary>
    /// What <paramref name="subject"/> reports as holding at <paramref name="now"/>; the alerts
    /// raised, updated or cleared by it. <paramref name="newId"/> names a new alert.
    /// </summary>
    public IReadOnlyList<Alert> Report(string subject, IReadOnlyList<AlertCondition> holding, DateTimeOffset now, Func<string> newId)
    {
        var changed = new List<Alert>();
        foreach (var condition in holding)
        {
            var open = OpenFor(subject, condition.Kind);
            var alert = open is null
                ? new Alert(newId(), condition.Kind, subject, condition.Summary, condition.Value, condition.Threshold, now, now, null, null, string.Empty)
                : open with { Summary = condition.Summary, Value = condition.Value, Threshold = condition.Threshold, UpdatedAt = now };
            _alerts[alert.AlertId] = alert;
            _lastHeld[alert.AlertId] = now;
            if (open is null || open.Value != alert.Value || open.Summary != alert.Summary)
            {
                changed.Add(alert);
            }
        }

        changed.AddRange(ClearStale(subject, holding, now));
        Forget(now);
        return changed;
    }

    /// <summary>A lead acknowledges an alert: it stays acknowledged while it holds. Null when there is no such alert.</summary>
    public Alert? Acknowledge(string alertId, string by, DateTimeOffset now)
    {
        if (!_alerts.TryGetValue(alertId, out var alert))
        {
            return null;
        }

        if (alert.IsAcknowledged)
        {
            return alert;
        }

        return _alerts[alertId] = alert with { AcknowledgedAt = now, AcknowledgedBy = by };
    }

    private Alert? OpenFor(string subject, AlertKind kind) =>
        _alerts.Values.FirstOrDefault(a => a.IsOpen && a.Kind == kind && a.Subject == subject);

    private List<Alert> ClearStale(string subject, IReadOnlyList<AlertCondition> holding, DateTimeOffset now)
    {
        var cleared = _alerts.Values
            .Where(a => a.IsOpen && a.Subject == subject && holding.All(c => c.Kind != a.Kind) && now - _lastHeld[a.AlertId] >= ClearAfter)
            .Select(a => a with { ClearedAt = now, UpdatedAt = now })
            .ToList();
        foreach (var alert in cleared)
        {
            _alerts[alert.AlertId] = alert;
            _lastHeld.Remove(alert.AlertId);
        }

        return cleared;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var old in _alerts.Values.Where(a => a.ClearedAt is { } cleared && now - cleared > KeepCleared).Select(a => a.AlertId).ToList())
        {
            _alerts.Remove(old);
        }
    }
}
