namespace Headway.Web.Notifications;

/// <summary>Sends what the ledger holds: a batch at a time while there is work, then a look every few seconds.</summary>
public sealed class DeliveryWorker(DeliveryDispatcher dispatcher, TimeProvider clock, ILogger<DeliveryWorker> log) : BackgroundService
{
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be restarting: the ledger keeps the work, so wait and look again.
                log.LogError(e, "The delivery worker could not read the ledger; retrying in {Idle}.", Idle);
            }

            if (claimed < DeliveryDispatcher.BatchSize)
            {
                await Task.Delay(Idle, clock, stoppingToken);
            }
        }
    }
}
