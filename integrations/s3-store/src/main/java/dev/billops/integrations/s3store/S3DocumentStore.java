package dev.billops.integrations.s3store;

import dev.billops.core.id.TenantId;
import dev.billops.spi.DocumentStore;
import dev.billops.spi.InvalidDocumentIdException;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.StoredDocument;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A {@link DocumentStore} on Amazon S3 or an S3-compatible service (MinIO, Ceph, Scaleway, …):
 * each document is one object, {@code [<prefix>/]t-<tenant>/<document id>}, the tenant folder an
 * injective encoding of the tenant id (characters outside {@code [a-z0-9-]} as {@code _xx}).
 *
 * <p>Ids are checked before any request is made: a document id is {@code /}-separated segments of
 * {@code [A-Za-z0-9._+@=-]}, none {@code .} or {@code ..}; anything else (absolute, backslashes,
 * control characters, empty segments, a key over 1,024 bytes) throws
 * {@link InvalidDocumentIdException} naming the id, so no key can leave its tenant's prefix.
 *
 * <p>{@link #put} sends the content with its {@code Content-Type} and {@code Content-MD5} (the
 * service refuses a body that arrived damaged) and records its SHA-256 as user metadata
 * {@code billops-sha256}; {@link #get} verifies it and throws
 * {@link DocumentChecksumMismatchException} instead of returning changed bytes. An S3 PUT is
 * atomic: a reader sees the old object or the new one, and a failed upload leaves the old one.
 * Uploads can ask for server-side encryption ({@code AES256} or {@code aws:kms} with a key id).
 * {@link #presignedUrl} gives a time-limited download URL.
 *
 * <p>Failures that may pass (connection lost, timeouts, HTTP 5xx, 429, S3's {@code SlowDown},
 * {@code RequestTimeout}, {@code BadDigest}) throw {@link TransientPluginException}, with the
 * server's {@code Retry-After} when it sent one; others (access denied, no such bucket) throw
 * {@link PluginException}. By default the SDK makes one attempt per call and the plugin registry
 * does the retrying ({@code maxAttempts} changes that).
 *
 * <p>Configuration ({@link #configure}): {@code bucket} (required), {@code region} (else the SDK's
 * default region chain), {@code endpoint} and {@code pathStyle} for S3-compatible services,
 * {@code prefix}, {@code accessKeyId} with the secret {@code secretAccessKey} (and optionally the
 * secret {@code sessionToken}; without them the SDK's default credentials chain),
 * {@code serverSideEncryption} ({@code none}, {@code AES256}, {@code aws:kms}), {@code kmsKeyId},
 * {@code presignMaxExpiry} (default 1 h, at most 7 days), {@code connectTimeout} (5 s),
 * {@code timeout} (10 s per call), {@code maxAttempts} (1). The HTTP client is the JDK's
 * ({@code url-connection-client}).
 *
 * <p>Thread-safe after configuration. {@link #close} releases the SDK client.
 */
public final class S3DocumentStore implements DocumentStore, AutoCloseable {

    /** The plugin id, {@value}. */
    public static final String ID = "s3";
    /** The user metadata key holding the hex SHA-256 of the content ({@code x-amz-meta-billops-sha256}). */
    public static final String SHA256_METADATA = "billops-sha256";

    private static final Logger LOG = LoggerFactory.getLogger(S3DocumentStore.class);
    private static final String TCHAR = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TCHAR + "/" + TCHAR + "(?:[ \\t]*;[ \\t]*" + TCHAR + "=(?:" + TCHAR + "|\"[^\"\\\\\\p{Cntrl}]*\"))*");
    private static final int MAX_CONTENT_TYPE_LENGTH = 255;

    /** The client and settings of one configuration; replaced whole by {@link #configure}. */
    private record Connection(S3Settings settings, S3Client client, S3Presigner presigner) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            presigner.close();
        }
    }

    private volatile @Nullable Connection connection;

    /** An unconfigured store, for {@link java.util.ServiceLoader}; call {@link #configure} before use. */
    public S3DocumentStore() {
    }

    /** A store configured with {@code config} (see {@link #configure} for the keys). */
    public static S3DocumentStore of(PluginConfig config) {
        S3DocumentStore store = new S3DocumentStore();
        store.configure(config);
        return store;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Reads the configuration (keys in the class description) and builds the SDK client. Throws
     * {@link PluginConfigurationException} naming the key when a value is missing or malformed,
     * never with a secret's value. Makes no request: {@link #health()} checks the bucket.
     */
    @Override
    public void configure(PluginConfig config) {
        Objects.requireNonNull(config, "config");
        String pluginId = config.pluginId().isEmpty() ? ID : config.pluginId();
        S3Settings settings = S3Settings.from(pluginId, config);
        Region region = region(pluginId, settings);
        AwsCredentialsProvider credentials = credentials(settings);
        S3Configuration s3 = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();

        S3Client client;
        S3Presigner presigner;
        try {
            var builder = S3Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(settings.connectTimeout())
                            .socketTimeout(settings.timeout()))
                    .region(region)
                    .credentialsProvider(credentials)
                    .serviceConfiguration(s3)
                    // the checksums are set on each upload (below); no trailing checksums that
                    // S3-compatible services may not understand
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .overrideConfiguration(o -> o
                            .apiCallTimeout(settings.timeout())
                            .retryStrategy(settings.maxAttempts() == 1 ? AwsRetryStrategy.doNotRetry()
                                    : AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                            .maxAttempts(settings.maxAttempts()).build()));
            var presignerBuilder = S3Presigner.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .serviceConfiguration(s3);
            settings.endpointOverride().ifPresent(builder::endpointOverride);
            settings.endpointOverride().ifPresent(presignerBuilder::endpointOverride);
            client = builder.build();
            presigner = presignerBuilder.build();
        } catch (SdkException | IllegalArgumentException e) {
            throw new PluginConfigurationException(pluginId, "endpoint", "cannot be used: " + e.getMessage());
        }
        Connection previous = connection;
        connection = new Connection(settings, client, presigner);
        if (previous != null) {
            previous.close();
        }
        LOG.debug("plugin {} stores documents in {}", pluginId, settings.describe());
    }

    /**
     * Stores {@code content} under {@code documentId}, replacing what was there, with the content
     * type, the SHA-256 as metadata, {@code Content-MD5} and the configured server-side
     * encryption. An invalid id ({@link InvalidDocumentIdException}) or
     * content type ({@link InvalidContentTypeException}) is refused before any request.
     *
     * @return the stored document; its location is {@code s3://bucket/key}
     */
    @Override
    public StoredDocument put(TenantId tenant, String documentId, String contentType, byte[] content) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        Connection c = connection();
        String key = c.settings().keys().key(tenant, documentId);
        checkContentType(contentType);
        byte[] sha256 = digest("SHA-256", content);
        String sha256Hex = HexFormat.of().formatHex(sha256);
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(c.settings().bucket())
                .key(key)
                .contentType(contentType)
                .contentLength((long) content.length)
                .contentMD5(Base64.getEncoder().encodeToString(digest("MD5", content)))
                .metadata(Map.of(SHA256_METADATA, sha256Hex));
        switch (c.settings().encryption()) {
            case NONE -> { }
            case AES256 -> request.serverSideEncryption(ServerSideEncryption.AES256);
            case AWS_KMS -> {
                request.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                if (c.settings().kmsKeyId() != null) {
                    request.ssekmsKeyId(c.settings().kmsKeyId());
                }
            }
        }
        try {
            c.client().putObject(request.build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("document " + documentId + " of tenant " + tenant + " cannot be stored", e);
        }
        LOG.debug("stored {} bytes as {} of tenant {}", content.length, documentId, tenant);
        return new StoredDocument(tenant, documentId, contentType, content.length, sha256Hex,
                "s3://" + c.settings().bucket() + "/" + key);
    }

    /**
     * The content stored under {@code documentId}, if any, after checking it against the SHA-256
     * recorded when it was stored: bytes that do not match (or an object without the record)
     * throw {@link DocumentChecksumMismatchException}.
     */
    @Override
    public Optional<byte[]> get(TenantId tenant, String documentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Connection c = connection();
        String key = c.settings().keys().key(tenant, documentId);
        ResponseBytes<GetObjectResponse> object;
        try {
            object = c.client().getObjectAsBytes(GetObjectRequest.builder().bucket(c.settings().bucket()).key(key).build());
        } catch (AwsServiceException e) {
            if (isMissingKey(e)) {
                return Optional.empty();
            }
            throw failure("document " + documentId + " of tenant " + tenant + " cannot be read", e);
        } catch (SdkException e) {
            throw failure("document " + documentId + " of tenant " + tenant + " cannot be read", e);
        }
        byte[] content = object.asByteArray();
        String expected = object.response().metadata().get(SHA256_METADATA);
        String actual = HexFormat.of().formatHex(digest("SHA-256", content));
        if (expected == null || !expected.equalsIgnoreCase(actual)) {
            throw new DocumentChecksumMismatchException(ID, tenant, documentId, expected, actual);
        }
        return Optional.of(content);
    }

    /** Whether a document is stored under {@code documentId} (a {@code HEAD} request). */
    public boolean exists(TenantId tenant, String documentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Connection c = connection();
        return exists(c, c.settings().keys().key(tenant, documentId), "document " + documentId + " of tenant " + tenant);
    }

    /**
     * Removes the document; false if there was none. S3 does not say whether a deleted key
     * existed, so this asks first: of two concurrent deletes of one document both may say true.
     */
    @Override
    public boolean delete(TenantId tenant, String documentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Connection c = connection();
        String key = c.settings().keys().key(tenant, documentId);
        String what = "document " + documentId + " of tenant " + tenant;
        if (!exists(c, key, what)) {
            return false;
        }
        try {
            c.client().deleteObject(b -> b.bucket(c.settings().bucket()).key(key));
        } catch (SdkException e) {
            throw failure(what + " cannot be deleted", e);
        }
        LOG.debug("deleted {} of tenant {}", documentId, tenant);
        return true;
    }

    /**
     * The ids of the tenant's documents starting with {@code prefix}, sorted. Objects under the
     * tenant's prefix whose names are not valid ids are not listed; a prefix no valid id can start
     * with (e.g. one with a {@code ..} segment) lists nothing, without a request.
     */
    @Override
    public List<String> list(TenantId tenant, String prefix) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(prefix, "prefix");
        Connection c = connection();
        DocumentKeys keys = c.settings().keys();
        Optional<String> keyPrefix = keys.listPrefix(tenant, prefix);
        if (keyPrefix.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(c.settings().bucket()).prefix(keyPrefix.get()).build();
            for (S3Object object : c.client().listObjectsV2Paginator(request).contents()) {
                keys.documentId(tenant, object.key()).filter(id -> id.startsWith(prefix)).ifPresent(ids::add);
            }
        } catch (SdkException e) {
            throw failure("documents of tenant " + tenant + " cannot be listed", e);
        }
        ids.sort(null);
        return ids;
    }

    /**
     * A URL that downloads the document with a plain HTTP {@code GET} until {@code expiry} has
     * passed, signed (SigV4) with the store's credentials. Made locally, without a request: it
     * does not check that the document exists. The expiry must be 1 second to the configured
     * {@code presignMaxExpiry} (default 1 hour), else {@link PresignExpiryOutOfRangeException}.
     * With temporary credentials the URL stops working when they expire, whichever comes first.
     */
    public URI presignedUrl(TenantId tenant, String documentId, Duration expiry) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(expiry, "expiry");
        Connection c = connection();
        String key = c.settings().keys().key(tenant, documentId);
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(c.settings().presignMaxExpiry()) > 0) {
            throw new PresignExpiryOutOfRangeException(expiry, c.settings().presignMaxExpiry());
        }
        try {
            return c.presigner().presignGetObject(p -> p.signatureDuration(expiry)
                    .getObjectRequest(g -> g.bucket(c.settings().bucket()).key(key))).url().toURI();
        } catch (SdkException e) {
            throw failure("document " + documentId + " of tenant " + tenant + " cannot be presigned", e);
        } catch (URISyntaxException e) {
            throw new PluginException(ID, "presigned URL of document " + documentId + " is not a URI: " + e.getMessage());
        }
    }

    /** DOWN when unconfigured, or the bucket cannot be reached, does not exist or is not accessible ({@code HEAD} bucket). */
    @Override
    public PluginHealth health() {
        Connection c = connection;
        if (c == null) {
            return PluginHealth.down("not configured: set 'bucket'");
        }
        try {
            c.client().headBucket(b -> b.bucket(c.settings().bucket()));
            return PluginHealth.up();
        } catch (AwsServiceException e) {
            String reason = switch (e.statusCode()) {
                case 404 -> "does not exist";
                case 403 -> "is not accessible with these credentials (HTTP 403)";
                default -> "answered HTTP " + e.statusCode();
            };
            return PluginHealth.down("bucket " + c.settings().describe() + " " + reason);
        } catch (SdkException e) {
            return PluginHealth.down("bucket " + c.settings().describe() + " cannot be reached: " + e.getMessage());
        }
    }

    /** Releases the SDK client; the store cannot be used afterwards unless configured again. */
    @Override
    public void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        Connection c = connection;
        return "S3DocumentStore[" + (c == null ? "not configured" : c.settings().describe()) + "]";
    }

    private Connection connection() {
        Connection c = connection;
        if (c == null) {
            throw new PluginConfigurationException(ID, "bucket", "is not set: configure() was not called, or the store was closed");
        }
        return c;
    }

    private boolean exists(Connection c, String key, String what) {
        try {
            c.client().headObject(b -> b.bucket(c.settings().bucket()).key(key));
            return true;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure(what + " cannot be looked up", e);
        } catch (SdkException e) {
            throw failure(what + " cannot be looked up", e);
        }
    }

    private static boolean isMissingKey(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 404 && (code == null || code.equals("NoSuchKey"));
    }

    /** The exception for a failed request: transient if it may pass, with the server's Retry-After. */
    static PluginException failure(String what, SdkException e) {
        if (e instanceof AwsServiceException se) {
            var details = se.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null || details.errorMessage() == null ? "" : ": " + details.errorMessage();
            String answer = what + ": S3 answered HTTP " + se.statusCode() + (code == null ? "" : " " + code) + message;
            int status = se.statusCode();
            if (status >= 500 && status != 501 || status == 429 || status == 408 || "SlowDown".equals(code) || "RequestTimeout".equals(code)
                    || "BadDigest".equals(code) || "XAmzContentSHA256Mismatch".equals(code)) {
                return new TransientPluginException(ID, answer, retryAfter(se), se);
            }
            return new PluginException(ID, answer, se);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || causedByIo(e)) {
            return new TransientPluginException(ID, what + ": " + e.getMessage(), null, e);
        }
        return new PluginException(ID, what + ": " + e.getMessage(), e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static @Nullable Duration retryAfter(AwsServiceException e) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
            return null;
        }
        return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")
                .filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
                .orElse(null);
    }

    private static void checkContentType(String contentType) {
        if (contentType.length() > MAX_CONTENT_TYPE_LENGTH) {
            throw new InvalidContentTypeException(contentType.substring(0, 40) + "…",
                    "is longer than " + MAX_CONTENT_TYPE_LENGTH + " characters");
        }
        if (!MEDIA_TYPE.matcher(contentType).matches()) {
            throw new InvalidContentTypeException(contentType.replaceAll("\\p{Cntrl}", "?"),
                    "is not a media type such as application/pdf");
        }
    }

    private static Region region(String pluginId, S3Settings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            if (settings.endpoint() != null) {
                return Region.US_EAST_1; // S3-compatible services sign with any region; us-east-1 is their usual
            }
            throw new PluginConfigurationException(pluginId, "region", "is not set and the SDK's default region chain "
                    + "found none");
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKeyId() == null || settings.secretAccessKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (settings.sessionToken() != null) {
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(settings.accessKeyId(),
                    settings.secretAccessKey().reveal(), settings.sessionToken().reveal()));
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(),
                settings.secretAccessKey().reveal()));
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
