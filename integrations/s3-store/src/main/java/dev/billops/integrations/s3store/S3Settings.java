package dev.billops.integrations.s3store;

import dev.billops.spi.InvalidDocumentIdException;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A store's configuration, read and checked from a {@link PluginConfig}; every problem is a
 * {@link PluginConfigurationException} naming the key (never a secret's value).
 *
 * @param bucket the bucket
 * @param region the region to sign for, or null for the SDK's default region chain
 * @param endpoint the endpoint of an S3-compatible service, or null for AWS
 * @param pathStyle whether to address the bucket in the path ({@code host/bucket/key}) rather than the host name
 * @param keys the key layout under the configured {@code prefix}
 * @param accessKeyId the access key id, or null for the SDK's default credentials chain
 * @param secretAccessKey its secret, set exactly when {@code accessKeyId} is
 * @param sessionToken a session token for temporary credentials, or null
 * @param encryption the server-side encryption asked for on every upload
 * @param kmsKeyId the KMS key for {@link Encryption#AWS_KMS}, or null for the bucket's default key
 * @param presignMaxExpiry the longest expiry {@link S3DocumentStore#presignedUrl} gives
 * @param connectTimeout the longest wait for a connection
 * @param timeout the longest a call may take in all, including the SDK's own retries
 * @param maxAttempts attempts the SDK makes per call (1: no retry; the plugin registry retries)
 */
record S3Settings(String bucket, @Nullable String region, @Nullable URI endpoint, boolean pathStyle, DocumentKeys keys,
        @Nullable String accessKeyId, @Nullable Secret secretAccessKey, @Nullable Secret sessionToken,
        Encryption encryption, @Nullable String kmsKeyId, Duration presignMaxExpiry, Duration connectTimeout,
        Duration timeout, int maxAttempts) {

    /** Server-side encryption of uploaded objects. */
    enum Encryption {
        /** None asked for (the bucket's default encryption still applies). */
        NONE(""),
        /** SSE-S3: keys managed by the service. */
        AES256("AES256"),
        /** SSE-KMS: keys in the key management service. */
        AWS_KMS("aws:kms");

        private final String header;

        Encryption(String header) {
            this.header = header;
        }

        /** The {@code x-amz-server-side-encryption} value. */
        String header() {
            return header;
        }
    }

    /** SigV4 presigned URLs are valid for at most seven days. */
    static final Duration SIGV4_MAX_EXPIRY = Duration.ofDays(7);
    static final Duration DEFAULT_PRESIGN_MAX_EXPIRY = Duration.ofHours(1);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,254}");

    S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(presignMaxExpiry, "presignMaxExpiry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The settings of {@code config}, for the plugin {@code pluginId}. */
    static S3Settings from(String pluginId, PluginConfig config) {
        String bucket = config.requireString("bucket").strip();
        if (!BUCKET.matcher(bucket).matches()) {
            throw new PluginConfigurationException(pluginId, "bucket",
                    "is not a bucket name (3-255 letters, digits, '.', '_', '-'): '" + bucket + "'");
        }
        String region = config.string("region").map(String::strip).filter(r -> !r.isEmpty()).orElse(null);
        if (region != null && !region.matches("[a-z0-9-]{1,64}")) {
            throw new PluginConfigurationException(pluginId, "region", "is not a region name: '" + region + "'");
        }
        URI endpoint = config.uri("endpoint").orElse(null);
        if (endpoint != null) {
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null
                    || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                    || endpoint.getRawUserInfo() != null) {
                throw new PluginConfigurationException(pluginId, "endpoint",
                        "must be an http or https URL with a host and no user, query or fragment: '" + endpoint + "'");
            }
        }
        boolean pathStyle = config.bool("pathStyle", false);
        DocumentKeys keys;
        try {
            keys = DocumentKeys.under(config.string("prefix").orElse(""));
        } catch (InvalidDocumentIdException e) {
            throw new PluginConfigurationException(pluginId, "prefix", "is not a key prefix: " + e.getMessage());
        }

        String accessKeyId = config.has("accessKeyId") ? config.secret("accessKeyId").reveal().strip() : null;
        Secret secretAccessKey = config.optionalSecret("secretAccessKey").orElse(null);
        Secret sessionToken = config.optionalSecret("sessionToken").orElse(null);
        if (accessKeyId != null && accessKeyId.isEmpty()) {
            throw new PluginConfigurationException(pluginId, "accessKeyId", "is blank");
        }
        if (accessKeyId != null && secretAccessKey == null) {
            throw new PluginConfigurationException(pluginId, "secretAccessKey", "is required with accessKeyId");
        }
        if (accessKeyId == null && secretAccessKey != null) {
            throw new PluginConfigurationException(pluginId, "accessKeyId", "is required with secretAccessKey");
        }
        if (accessKeyId == null && sessionToken != null) {
            throw new PluginConfigurationException(pluginId, "sessionToken", "needs accessKeyId and secretAccessKey");
        }
        if (secretAccessKey != null && secretAccessKey.reveal().isBlank()) {
            throw new PluginConfigurationException(pluginId, "secretAccessKey", "is blank");
        }

        Encryption encryption = encryption(pluginId, config.string("serverSideEncryption").orElse("none"));
        String kmsKeyId = config.string("kmsKeyId").map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
        if (kmsKeyId != null && encryption != Encryption.AWS_KMS) {
            throw new PluginConfigurationException(pluginId, "kmsKeyId", "needs serverSideEncryption=aws:kms");
        }

        Duration presignMaxExpiry = config.duration("presignMaxExpiry", DEFAULT_PRESIGN_MAX_EXPIRY);
        if (presignMaxExpiry.compareTo(Duration.ofSeconds(1)) < 0 || presignMaxExpiry.compareTo(SIGV4_MAX_EXPIRY) > 0) {
            throw new PluginConfigurationException(pluginId, "presignMaxExpiry",
                    "must be between 1 second and 7 days (the longest a SigV4 signature lasts): " + presignMaxExpiry);
        }
        Duration connectTimeout = positive(pluginId, config, "connectTimeout", DEFAULT_CONNECT_TIMEOUT);
        Duration timeout = positive(pluginId, config, "timeout", DEFAULT_TIMEOUT);
        int maxAttempts = config.integer("maxAttempts", 1);
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new PluginConfigurationException(pluginId, "maxAttempts", "must be 1 to 10: " + maxAttempts);
        }
        return new S3Settings(bucket, region, endpoint, pathStyle, keys, accessKeyId, secretAccessKey, sessionToken,
                encryption, kmsKeyId, presignMaxExpiry, connectTimeout, timeout, maxAttempts);
    }

    Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    /** Where the store keeps its objects, for operators: {@code s3://bucket/prefix} and the endpoint if not AWS. */
    String describe() {
        return "s3://" + bucket + "/" + keys.root() + (endpoint == null ? "" : " at " + endpoint);
    }

    private static Encryption encryption(String pluginId, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "none" -> Encryption.NONE;
            case "aes256" -> Encryption.AES256;
            case "aws:kms" -> Encryption.AWS_KMS;
            default -> throw new PluginConfigurationException(pluginId, "serverSideEncryption",
                    "is not one of none, AES256, aws:kms: '" + value + "'");
        };
    }

    private static Duration positive(String pluginId, PluginConfig config, String key, Duration defaultValue) {
        Duration d = config.duration(key, defaultValue);
        if (d.isZero() || d.isNegative()) {
            throw new PluginConfigurationException(pluginId, key, "must be positive: " + d);
        }
        return d;
    }
}
