package dev.billops.integrations.s3store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.InvalidDocumentIdException;
import dev.billops.spi.PluginConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presigned download URLs, fetched over real HTTP from the server. */
class S3DocumentStorePresignTest {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final byte[] PDF = "%PDF-1.7 invoice INV-2026-00042".getBytes(StandardCharsets.US_ASCII);

    final S3ProxyServer server = S3ProxyServer.shared();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String bucket;
    S3DocumentStore store;

    @BeforeEach
    void setUp() {
        bucket = server.newBucket();
        store = S3DocumentStore.of(server.config(bucket));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    HttpResponse<byte[]> fetch(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void presignedUrl_fetchedOverHttp_returnsTheBytesUntilItExpires() throws Exception {
        store.put(ACME, "invoices/INV-1.pdf", "application/pdf", PDF);

        URI url = store.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofSeconds(2));
        long signedAt = System.nanoTime();
        HttpResponse<byte[]> fresh = fetch(url);

        assertEquals(200, fresh.statusCode(), new String(fresh.body(), StandardCharsets.UTF_8));
        assertArrayEquals(PDF, fresh.body());
        assertEquals("application/pdf", fresh.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(url.toString().startsWith(server.endpoint() + "/" + bucket + "/t-acme/invoices/INV-1.pdf?"), url.toString());
        assertTrue(url.getQuery().contains("X-Amz-Expires=2"), url.toString());
        assertTrue(!url.toString().contains(S3ProxyServer.SECRET_KEY), "the URL carries a signature, not the secret");

        Thread.sleep(Math.max(0, 3_500 - (System.nanoTime() - signedAt) / 1_000_000));
        HttpResponse<byte[]> expired = fetch(url);

        assertEquals(403, expired.statusCode());
        assertTrue(new String(expired.body(), StandardCharsets.UTF_8).contains("expired"),
                new String(expired.body(), StandardCharsets.UTF_8));
    }

    @Test
    void presignedUrl_pathChangedToAnotherTenantsDocument_isRefusedByTheServer() throws Exception {
        store.put(ACME, "invoices/INV-1.pdf", "application/pdf", PDF);
        store.put(GLOBEX, "invoices/INV-1.pdf", "application/pdf", "globex".getBytes(StandardCharsets.UTF_8));
        URI url = store.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofMinutes(5));

        HttpResponse<byte[]> tampered = fetch(URI.create(url.toString().replace("/t-acme/", "/t-globex/")));

        assertEquals(403, tampered.statusCode());
        assertEquals(200, fetch(url).statusCode());
    }

    @Test
    void presignedUrl_missingDocument_isMadeButAnswers404() throws Exception {
        URI url = store.presignedUrl(ACME, "invoices/none.pdf", Duration.ofMinutes(1));

        assertEquals(404, fetch(url).statusCode());
    }

    @Test
    void presignedUrl_expiryOutsideOneSecondToMaximum_throwsNamingBoth() {
        for (Duration expiry : List.of(Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5),
                Duration.ofHours(1).plusSeconds(1), Duration.ofDays(30))) {
            PresignExpiryOutOfRangeException e = assertThrows(PresignExpiryOutOfRangeException.class,
                    () -> store.presignedUrl(ACME, "invoices/INV-1.pdf", expiry), expiry.toString());
            assertEquals(expiry, e.requested());
            assertEquals(Duration.ofHours(1), e.maximum());
            assertTrue(e.getMessage().contains(expiry.toString()) && e.getMessage().contains("PT1H"), e.getMessage());
        }
        store.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofSeconds(1));
        store.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofHours(1));
    }

    @Test
    void presignedUrl_configuredMaximum_allowsUpToIt() {
        try (S3DocumentStore longer = S3DocumentStore.of(server.config(bucket).with("presignMaxExpiry", "P7D"))) {
            URI url = longer.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofDays(7));

            assertTrue(url.getQuery().contains("X-Amz-Expires=604800"), url.toString());
            assertThrows(PresignExpiryOutOfRangeException.class,
                    () -> longer.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofDays(7).plusSeconds(1)));
        }
    }

    @Test
    void presignedUrl_pathStyleOrVirtualHost_addressesTheBucketAsConfigured() {
        PluginConfig config = PluginConfig.of("s3", Map.of("bucket", "acme-docs",
                "region", "eu-west-3", "endpoint", "https://objects.example.test", "prefix", "billops",
                "accessKeyId", "AKIAEXAMPLE")).withSecret("secretAccessKey", "secret-example");
        try (S3DocumentStore pathStyle = S3DocumentStore.of(config.with("pathStyle", "true"));
                S3DocumentStore virtualHost = S3DocumentStore.of(config)) {
            URI path = pathStyle.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofMinutes(1));
            URI host = virtualHost.presignedUrl(ACME, "invoices/INV-1.pdf", Duration.ofMinutes(1));

            assertEquals("objects.example.test", path.getHost());
            assertEquals("/acme-docs/billops/t-acme/invoices/INV-1.pdf", path.getPath());
            assertEquals("acme-docs.objects.example.test", host.getHost());
            assertEquals("/billops/t-acme/invoices/INV-1.pdf", host.getPath());
            assertTrue(path.getQuery().contains("/eu-west-3/s3/aws4_request"), path.getQuery());
        }
    }

    @Test
    void presignedUrl_invalidId_throwsBeforeSigning() {
        assertThrows(InvalidDocumentIdException.class,
                () -> store.presignedUrl(ACME, "../t-globex/invoices/INV-1.pdf", Duration.ofMinutes(1)));
    }
}
