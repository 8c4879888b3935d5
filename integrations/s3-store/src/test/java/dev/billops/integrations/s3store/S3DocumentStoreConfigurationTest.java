package dev.billops.integrations.s3store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.DocumentStore;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TransientPluginException;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.PluginUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Configuration, health, discovery and credentials, against the real server where a request is made. */
class S3DocumentStoreConfigurationTest {

    static final TenantId ACME = TenantId.of("acme");
    static final byte[] PDF = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
    static final String SECRET = "wJalrXUtnFEMI-do-not-print";

    static PluginConfig base() {
        return PluginConfig.of("s3", Map.of("bucket", "invoices", "region", "eu-central-1", "accessKeyId", "AKIAEXAMPLE"))
                .withSecret("secretAccessKey", SECRET);
    }

    static void assertRefused(String key, UnaryOperator<PluginConfig> change) {
        PluginConfig config = change.apply(base());
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> S3DocumentStore.of(config), config.toString());
        assertEquals(key, e.key(), e.getMessage());
        assertEquals("s3", e.pluginId());
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void configure_missingOrMalformedValues_throwNamingTheKeyNeverTheSecret() {
        assertRefused("bucket", c -> PluginConfig.of("s3", Map.of("region", "eu-central-1")));
        for (String bucket : List.of("", "ab", "my bucket", "a/b", "-xy")) {
            assertRefused("bucket", c -> c.with("bucket", bucket));
        }
        assertRefused("region", c -> c.with("region", "EU West"));
        for (String endpoint : List.of("ftp://s3.example.com", "http://user:pw@s3.example.com", "s3.example.com",
                "http://s3.example.com/?x=1", "not a uri")) {
            assertRefused("endpoint", c -> c.with("endpoint", endpoint));
        }
        assertRefused("pathStyle", c -> c.with("pathStyle", "sometimes"));
        for (String prefix : List.of("a/../b", "a b", "a//b", "..")) {
            assertRefused("prefix", c -> c.with("prefix", prefix));
        }
        assertRefused("secretAccessKey", c -> PluginConfig.of("s3", Map.of("bucket", "bkt", "region", "eu-central-1",
                "accessKeyId", "AKIAEXAMPLE")));
        assertRefused("accessKeyId", c -> PluginConfig.of("s3", Map.of("bucket", "bkt", "region", "eu-central-1"))
                .withSecret("secretAccessKey", SECRET));
        assertRefused("sessionToken", c -> PluginConfig.of("s3", Map.of("bucket", "bkt", "region", "eu-central-1"))
                .withSecret("sessionToken", SECRET));
        assertRefused("secretAccessKey", c -> c.withSecret("secretAccessKey", " "));
        assertRefused("serverSideEncryption", c -> c.with("serverSideEncryption", "rot13"));
        assertRefused("kmsKeyId", c -> c.with("serverSideEncryption", "AES256").with("kmsKeyId", "k"));
        assertRefused("kmsKeyId", c -> c.with("kmsKeyId", "k"));
        assertRefused("presignMaxExpiry", c -> c.with("presignMaxExpiry", "P8D"));
        assertRefused("presignMaxExpiry", c -> c.with("presignMaxExpiry", "500ms"));
        assertRefused("timeout", c -> c.with("timeout", "0s"));
        assertRefused("connectTimeout", c -> c.with("connectTimeout", "-1s"));
        assertRefused("maxAttempts", c -> c.with("maxAttempts", "0"));
        assertRefused("maxAttempts", c -> c.with("maxAttempts", "11"));
        assertRefused("maxAttempts", c -> c.with("maxAttempts", "three"));
    }

    @Test
    void configure_acceptedSpellings() {
        for (String sse : List.of("none", "NONE", "AES256", "aes256", "aws:kms", "AWS:KMS")) {
            S3DocumentStore.of(base().with("serverSideEncryption", sse)).close();
        }
        S3DocumentStore.of(base().with("serverSideEncryption", "aws:kms").with("kmsKeyId", "alias/billops")).close();
        S3DocumentStore.of(base().withSecret("sessionToken", "token").with("maxAttempts", "3")).close();
        S3DocumentStore.of(base().with("endpoint", "https://s3.fr-par.scw.cloud").with("pathStyle", "true")).close();
    }

    @Test
    void toString_namesBucketAndEndpoint_neverTheSecret() {
        try (S3DocumentStore store = S3DocumentStore.of(base().with("prefix", "billops")
                .with("endpoint", "http://127.0.0.1:9000"))) {
            assertEquals("S3DocumentStore[s3://invoices/billops/ at http://127.0.0.1:9000]", store.toString());
        }
        assertEquals("S3DocumentStore[not configured]", new S3DocumentStore().toString());
    }

    @Test
    void unconfiguredOrClosed_callsThrowAndHealthIsDown() {
        S3DocumentStore store = new S3DocumentStore();
        assertEquals(PluginHealth.Status.DOWN, store.health().status());
        assertThrows(PluginConfigurationException.class, () -> store.get(ACME, "a.pdf"));

        store.configure(base());
        store.close();

        assertThrows(PluginConfigurationException.class, () -> store.put(ACME, "a.pdf", "application/pdf", PDF));
        assertEquals(PluginHealth.Status.DOWN, store.health().status());
    }

    @Test
    void health_existingBucketUp_missingBucketOrWrongSecretDown_neverShowingTheSecret() {
        S3ProxyServer server = S3ProxyServer.shared();
        String bucket = server.newBucket();
        try (S3DocumentStore ok = S3DocumentStore.of(server.config(bucket));
                S3DocumentStore missing = S3DocumentStore.of(server.config("no-such-bucket-" + bucket));
                S3DocumentStore wrong = S3DocumentStore.of(server.config(bucket).withSecret("secretAccessKey", SECRET))) {
            assertEquals(PluginHealth.up(), ok.health());

            PluginHealth down = missing.health();
            assertEquals(PluginHealth.Status.DOWN, down.status());
            assertTrue(down.message().contains("no-such-bucket-" + bucket) && down.message().contains("does not exist"),
                    down.message());

            PluginHealth denied = wrong.health();
            assertEquals(PluginHealth.Status.DOWN, denied.status());
            assertTrue(denied.message().contains("403"), denied.message());
            assertFalse(denied.message().contains(SECRET), denied.message());
        }
    }

    @Test
    void calls_wrongSecret_throwPermanentPluginExceptionWithoutTheSecret() {
        S3ProxyServer server = S3ProxyServer.shared();
        String bucket = server.newBucket();
        // the server may answer 403 and close while the client still writes the body: that attempt
        // fails with an I/O error (transient, as it should be), so the SDK may try again and then
        // reads the 403; without a retry this test failed now and then under load
        try (S3DocumentStore wrong = S3DocumentStore.of(server.config(bucket).withSecret("secretAccessKey", SECRET)
                .with("maxAttempts", "3"))) {
            PluginException e = assertThrows(PluginException.class, () -> wrong.put(ACME, "a.pdf", "application/pdf", PDF));

            assertFalse(e instanceof TransientPluginException, e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertEquals(List.of(), server.keys(bucket));
        }
    }

    @Test
    void calls_missingBucket_throwPermanentPluginException() {
        S3ProxyServer server = S3ProxyServer.shared();
        try (S3DocumentStore missing = S3DocumentStore.of(server.config("no-such-bucket-x1"))) {
            PluginException put = assertThrows(PluginException.class,
                    () -> missing.put(ACME, "a.pdf", "application/pdf", PDF));
            PluginException get = assertThrows(PluginException.class, () -> missing.get(ACME, "a.pdf"));
            PluginException list = assertThrows(PluginException.class, () -> missing.list(ACME, ""));

            for (PluginException e : List.of(put, get, list)) {
                assertFalse(e instanceof TransientPluginException, e.getMessage());
                assertTrue(e.getMessage().contains("NoSuchBucket"), e.getMessage());
            }
        }
    }

    @Test
    void configure_withoutKeys_usesTheSdkDefaultChains() {
        S3ProxyServer server = S3ProxyServer.shared();
        String bucket = server.newBucket();
        PluginConfig noKeys = PluginConfig.of("s3", Map.of("bucket", bucket, "endpoint", server.endpoint().toString(),
                "pathStyle", "true"));
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        System.setProperty("aws.region", S3ProxyServer.REGION);
        try (S3DocumentStore store = S3DocumentStore.of(noKeys)) {
            store.put(ACME, "a.pdf", "application/pdf", PDF);

            assertArrayEquals(PDF, store.get(ACME, "a.pdf").orElseThrow());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.region");
        }
    }

    @Test
    void serviceLoader_findsTheStore_registryConfiguresItOrReportsWhy() {
        assertTrue(ServiceLoader.load(DocumentStore.class).stream().anyMatch(p -> p.type() == S3DocumentStore.class));

        S3ProxyServer server = S3ProxyServer.shared();
        String bucket = server.newBucket();
        try (PluginRegistry registry = PluginRegistry.builder().discover()
                .configure(S3DocumentStore.ID, server.config(bucket)).build()) {
            DocumentStore store = registry.documentStore(S3DocumentStore.ID);
            store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);

            assertEquals(List.of("invoices/a.pdf"), store.list(ACME, ""));
            assertEquals(PluginHealth.Status.UP, registry.health(S3DocumentStore.ID).orElseThrow().status());
        }
        try (PluginRegistry unconfigured = PluginRegistry.builder().discover().build()) {
            PluginUnavailableException e = assertThrows(PluginUnavailableException.class,
                    () -> unconfigured.documentStore(S3DocumentStore.ID));

            assertEquals(PluginUnavailableException.Reason.CONFIGURATION_FAILED, e.reason());
            PluginHealth health = unconfigured.health(S3DocumentStore.ID).orElseThrow();
            assertEquals(PluginHealth.Status.DOWN, health.status());
            assertTrue(health.message().contains("bucket"), health.message());
        }
    }

    @Test
    void configure_again_switchesToTheNewBucket() {
        S3ProxyServer server = S3ProxyServer.shared();
        String first = server.newBucket();
        String second = server.newBucket();
        try (S3DocumentStore store = S3DocumentStore.of(server.config(first))) {
            store.put(ACME, "a.pdf", "application/pdf", PDF);

            store.configure(server.config(second));
            store.put(ACME, "b.pdf", "application/pdf", PDF);

            assertEquals(List.of("t-acme/a.pdf"), server.keys(first));
            assertEquals(List.of("t-acme/b.pdf"), server.keys(second));
            assertInstanceOf(S3DocumentStore.class, store);
        }
    }
}
