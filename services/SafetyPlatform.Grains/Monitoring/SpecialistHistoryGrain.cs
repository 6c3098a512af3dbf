using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>A specialist's closed days: their desk first stores any day that has ended, then the store is read.</summary>
[StatelessWorker]
public sealed class SpecialistHistoryGrain(ISpecialistDayStore store) : Grain, ISpecialistHistoryGrain
{
    public async Task<DayHistoryPage> Read(DateOnly? from, DateOnly? to, int pageSize)
    {
        var specialistId = this.GetPrimaryKeyString();
        var today = await GrainFactory.Reference<ISpecialistDeskGrain>(specialistId).StoreClosedDays()
            ?? throw SafetyException.NotFound(new SpecialistName(specialistId).ToString());
        var (start, end) = HistoryDays.Range(today, from, to);
        var found = await store.ReadSpecialist(specialistId, start, end, pageSize + 1);
        return new DayHistoryPage([.. found.Take(pageSize).Select(day => DayTotals.Of([day]))], found.Count > pageSize);
    }
}
