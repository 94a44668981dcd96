using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Runtime;

namespace Forum.Tests.Support;

/// <summary>
/// Every test starts from nothing: no events, documents or envelopes. Work the previous test set going (a batch, a mail)
/// may still be writing when the reset deletes, and PostgreSQL then ends one side as a deadlock victim (seen once in a
/// full run). The victim's transaction is rolled back whole, so the reset simply runs again.
/// </summary>
public static class DataReset
{
    public static async Task Run(IServiceProvider services)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
                await services.GetRequiredService<IWolverineRuntime>().Storage.Admin.ClearAllAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
    }
}
