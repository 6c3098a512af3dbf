using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Domain.Naming;
using QualityTally = SafetyPlatform.Domain.Quality.QualityTally;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Grains.Abstractions.Quality;
using SafetyPlatform.Grains.Abstractions.Targets;
using AuditErrorCategory = SafetyPlatform.Api.Performance.V1.AuditErrorCategory;

namespace SafetyPlatform.Silo.Api;

/// <summary>Quality records to their API messages and back. API error categories are the domain's plus one (0 is unspecified).</summary>
public static class PerformanceMapping
{
    public static Audit ToProto(this AuditView view) => new()
    {
        Name = new AuditName(new WorkItemName(view.QueueId, view.ItemId), view.AuditId).ToString(),
        Auditor = view.Auditor,
        Specialist = view.Specialist,
        Decision = view.Decision,
        Agrees = view.Agrees,
        CorrectedDecision = view.CorrectedDecision,
        Score = view.Score,
        ErrorCategory = (AuditErrorCategory)((int)view.ErrorCategory + 1),
        Notes = view.Notes,
        CreateTime = Timestamp.FromDateTimeOffset(view.CreatedAt),
    };

    public const string CalibrationSessions = "calibrationSessions";

    /// <summary>A target with its attainment; the API's metric and status numbers are the domain's.</summary>
    public static Target ToProto(this TargetView view)
    {
        var target = new Target
        {
            Name = new TargetName(view.Owner, view.TargetId).ToString(),
            Metric = (TargetMetric)(int)view.Metric,
            StartDate = view.From.ToString(HistoryDays.DayFormat, CultureInfo.InvariantCulture),
            EndDate = view.To.ToString(HistoryDays.DayFormat, CultureInfo.InvariantCulture),
            Status = (TargetStatus)(int)view.Status,
            CreateTime = Timestamp.FromDateTimeOffset(view.CreatedAt),
        };
        if (view.AtLeast is { } atLeast)
        {
            target.AtLeast = atLeast;
        }

        if (view.AtMost is { } atMost)
        {
            target.AtMost = atMost;
        }

        if (view.Value is { } value)
        {
            target.Value = value;
        }

        return target;
    }

    public static GoldenItem ToGoldenItem(this Grains.Abstractions.Work.WorkItemView item)
    {
        var golden = new GoldenItem
        {
            Name = new WorkItemName(item.QueueId, item.ItemId).ToString(),
            WorkItem = item.ToProto(),
            Answer = item.Submission.GoldenAnswer ?? string.Empty,
        };
        if (item is { Status: Domain.Work.WorkItemStatus.Completed, Outcome: { } outcome })
        {
            golden.Scored = true;
            golden.Decision = outcome.Decision;
            golden.Correct = Domain.Quality.GoldenItems.IsCorrect(golden.Answer, outcome.Decision);
            golden.Specialist = new SpecialistName(outcome.SpecialistId).ToString();
        }

        return golden;
    }

    public static CalibrationSession ToProto(this CalibrationSessionView view)
    {
        var session = new CalibrationSession
        {
            Name = $"{CalibrationSessions}/{view.SessionId}",
            DisplayName = view.DisplayName,
            Auditors = { view.Auditors },
            Results = view.Results.ToProto(),
            CreateTime = Timestamp.FromDateTimeOffset(view.CreatedAt),
        };
        session.Items.AddRange(view.Items.Select(i => new CalibrationItem
        {
            Item = i.Item,
            Decision = i.Decision,
            Verdicts = { i.Verdicts.Select(v => new CalibrationVerdict { Auditor = v.Auditor, Verdict = v.ToProto() }) },
        }));
        return session;
    }

    private static Audit ToProto(this AuditSubmission verdict) => new()
    {
        Auditor = verdict.Auditor,
        Agrees = verdict.Agrees,
        CorrectedDecision = verdict.CorrectedDecision,
        Score = verdict.Score,
        ErrorCategory = (AuditErrorCategory)((int)verdict.ErrorCategory + 1),
        Notes = verdict.Notes,
    };

    private static CalibrationResults ToProto(this Domain.Quality.CalibrationResults results)
    {
        var message = new CalibrationResults { CompleteItems = results.CompleteItems, Measure = (AgreementMeasure)(int)results.Measure };
        if (results.AgreementRate is { } rate)
        {
            message.AgreementRate = rate;
        }

        if (results.Kappa is { } kappa)
        {
            message.Kappa = kappa;
        }

        message.Categories.AddRange(results.Categories.Select(c =>
        {
            var category = new CategoryAgreement { ErrorCategory = (AuditErrorCategory)((int)c.Category + 1), Flagged = c.Flagged };
            if (c.AgreementRate is { } categoryRate)
            {
                category.AgreementRate = categoryRate;
            }

            if (c.Kappa is { } categoryKappa)
            {
                category.Kappa = categoryKappa;
            }

            return category;
        }));
        return message;
    }

    public static AuditSubmission ToSubmission(this Audit audit, string requestId) => new(
        audit.Auditor, audit.Agrees, audit.CorrectedDecision.Trim(), audit.Score, (Domain.Quality.AuditErrorCategory)((int)audit.ErrorCategory - 1), audit.Notes, requestId);

    public static QualityStats ToProto(this QualityTally? tally)
    {
        var found = tally ?? QualityTally.None;
        var stats = new QualityStats
        {
            Audited = found.Audited,
            Agreed = found.Agreed,
            GoldenScored = found.GoldenScored,
            GoldenCorrect = found.GoldenCorrect,
        };
        if (found.Accuracy is { } accuracy)
        {
            stats.Accuracy = accuracy;
        }

        if (found.Quality is { } quality)
        {
            stats.Quality = quality;
        }

        if (found.GoldenAccuracy is { } golden)
        {
            stats.GoldenAccuracy = golden;
        }

        return stats;
    }
}
