using Amazon.S3;
using Amazon.S3.Model;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Live;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Inventory;

namespace PostureScan.Aws.Audit;

/// <summary>
/// CloudTrail log files in a trail's S3 bucket, through AWSSDK.S3: for each account and region only the
/// day folders of the time asked for are listed, files written before it are skipped, and every file is
/// streamed through the audit readers (gzip recognised by its bytes). Retries are the SDK's, as configured for the inventory.
/// </summary>
public sealed class CloudTrailArchiveSource : IAuditSource, IDisposable
{
    public const string TypeName = "aws-s3";

    /// <summary>A trail bucket keeps what its lifecycle rules keep; a first read goes back as far as asked.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3650);

    /// <summary>CloudTrail delivers a log file about every five minutes, within about 15 minutes of the calls in it.</summary>
    private static readonly TimeSpan DeliveryLag = TimeSpan.FromMinutes(15);

    private readonly AwsOptions options;
    private readonly CloudTrailArchiveSettings settings;
    private readonly TimeProvider time;
    private readonly AwsClientFactory clients;
    private readonly AccountCredentials credentials;
    private readonly AuditLogReader reader;

    public CloudTrailArchiveSource(AwsOptions options, CloudTrailArchiveSettings settings, TimeProvider time, AuditReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        this.options = options;
        this.settings = settings;
        this.time = time;
        clients = new AwsClientFactory(options);
        credentials = new AccountCredentials(options, clients, time);
        reader = new AuditLogReader(EventNameMatcher.Mirror, readerOptions);
    }

    public string Name => settings.Name;

    public string Provider => Providers.Aws;

    public async Task<AuditSourceResult> ReadAsync(AuditReadRequest request, Action<AuditEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(settings.Bucket))
        {
            return AuditSourceResult.Failed(AuditSourceFailureKind.Configuration, $"audit source '{Name}': Bucket must name the trail's S3 bucket");
        }

        IAmazonS3 s3;
        try
        {
            var bucketCredentials = string.IsNullOrEmpty(settings.RoleArn)
                ? credentials.Base
                : await credentials.ForAsync(new AwsAccountOptions { Id = settings.RoleArn, RoleArn = settings.RoleArn, ExternalId = settings.ExternalId });
            s3 = clients.CreateS3(bucketCredentials, settings.BucketRegion ?? options.HomeRegion);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = AuditErrors.Classify(e);
            return AuditSourceResult.Failed(failure.Kind, $"cannot reach bucket {settings.Bucket}: {failure.Message}");
        }

        using (s3)
        {
            return await AwsAuditScopes.ReadEachAsync(
                options, request, time, Retention, DeliveryLag, (scope, ct) => ReadScopeAsync(s3, scope, ct), onEvent, cancellationToken);
        }
    }

    private async Task ReadScopeAsync(IAmazonS3 s3, ScopeReading scope, CancellationToken cancellationToken)
    {
        var root = TrailLayout.Root(settings.Prefix, settings.OrganizationId, scope.Scope.Account, scope.Scope.Region);
        foreach (var day in TrailLayout.DayPrefixes(root, scope.Start, scope.Until, DeliveryLag))
        {
            var listing = s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = settings.Bucket, Prefix = day });
            await foreach (var item in listing.S3Objects.WithCancellation(cancellationToken))
            {
                // A file holds calls made before it was written: one written before the start holds nothing asked for.
                if (item?.Key is not { } key || TrailLayout.WrittenAt(key) < scope.Start)
                {
                    continue;
                }

                using var response = await s3.GetObjectAsync(settings.Bucket, key, cancellationToken);
                using var stream = AuditInputStreams.Decompressing(response.ResponseStream);
                scope.Add(reader.Read(stream, AuditInput.FromFile($"s3://{settings.Bucket}/{key}", 0), scope.Emit));
            }
        }
    }

    public void Dispose() => clients.Dispose();
}
