using System.Net;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using Polly;
using Polly.Retry;

namespace IdcRepro.Fetch;

/// <summary>Which download failures are worth another attempt, and the retry pipeline that makes them.</summary>
internal static class DownloadRetry
{
    public static ResiliencePipeline Pipeline(DownloadConfig config, TimeSpan baseDelay)
    {
        if (config.Retries == 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = config.Retries,
                Delay = baseDelay,
                MaxDelay = TimeSpan.FromMinutes(2),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            })
            .Build();
    }

    /// <summary>
    /// A dropped connection, a stalled transfer, or a server saying "later" (5xx, 408, 429); not a full disk.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException { StatusCode: { } status } => IsTransient(status),
        IOException when WriteFailure.IsDiskFull(e) => false,
        HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
