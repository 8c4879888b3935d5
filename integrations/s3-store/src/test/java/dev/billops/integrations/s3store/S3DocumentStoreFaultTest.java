package dev.billops.integrations.s3store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.DocumentStore;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TransientPluginException;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Network faults between the store and a real server: a TCP proxy on loopback that resets connections mid-upload. */
class S3DocumentStoreFaultTest {

    static final TenantId ACME = TenantId.of("acme");
    static final String ID = "invoices/2026/INV-2026-00042.pdf";

    final S3ProxyServer server = S3ProxyServer.shared();
    String bucket;
    FaultyTcpProxy proxy;
    S3DocumentStore viaProxy;
    byte[] pdf;

    @BeforeEach
    void setUp() throws IOException {
        bucket = server.newBucket();
        proxy = new FaultyTcpProxy(server.endpoint());
        viaProxy = S3DocumentStore.of(S3ProxyServer.config(proxy.endpoint(), bucket));
        pdf = new byte[256 * 1024];
        new Random(7).nextBytes(pdf);
    }

    @AfterEach
    void tearDown() throws IOException {
        viaProxy.close();
        proxy.close();
    }

    @Test
    void put_connectionResetMidUpload_throwsTransientLeavesNoObject_thenRetrySucceeds() throws IOException {
        proxy.cutAfter(8 * 1024, Integer.MAX_VALUE); // past the request head, early in the 256 KiB body

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> viaProxy.put(ACME, ID, "application/pdf", pdf));

        assertTrue(proxy.cuts() >= 1, "the upload was cut");
        assertEquals(S3DocumentStore.ID, e.pluginId());
        assertTrue(e.getMessage().contains(ID), e.getMessage());
        assertEquals(List.of(), server.keys(bucket), "no object, whole or partial, as the server lists it");
        assertEquals(List.of(), server.files(bucket), "no file, whole, partial or temporary, on the server's disk");

        proxy.heal();
        viaProxy.put(ACME, ID, "application/pdf", pdf);

        assertArrayEquals(pdf, viaProxy.get(ACME, ID).orElseThrow());
        assertEquals(List.of("t-acme/" + ID), server.keys(bucket));
        assertEquals(List.of("t-acme/" + ID), server.files(bucket));
    }

    @Test
    void put_replacingDocument_connectionResetMidUpload_oldVersionStaysWhole() {
        byte[] first = "first version".getBytes(StandardCharsets.UTF_8);
        viaProxy.put(ACME, ID, "application/pdf", first);
        proxy.cutAfter(8 * 1024, Integer.MAX_VALUE);

        assertThrows(TransientPluginException.class, () -> viaProxy.put(ACME, ID, "application/pdf", pdf));
        proxy.heal();

        assertArrayEquals(first, viaProxy.get(ACME, ID).orElseThrow(), "the old object, checksum verified");
    }

    @Test
    void put_throughRegistry_connectionResetOnce_registryRetriesAndSucceeds() {
        try (PluginRegistry registry = PluginRegistry.builder()
                .discover()
                .configure(S3DocumentStore.ID, S3ProxyServer.config(proxy.endpoint(), bucket))
                .retry(new RetryPolicy(3, Duration.ofMillis(50), 2, Duration.ofMillis(200)))
                .build()) {
            DocumentStore documents = registry.documentStore(S3DocumentStore.ID);
            proxy.cutAfter(8 * 1024, 1);

            documents.put(ACME, ID, "application/pdf", pdf);

            assertEquals(1, proxy.cuts(), "the first attempt was cut");
            assertArrayEquals(pdf, documents.get(ACME, ID).orElseThrow());
            assertEquals(PluginHealth.Status.UP, registry.health(S3DocumentStore.ID).orElseThrow().status());
        }
    }

    @Test
    void calls_serverUnreachable_throwTransient_healthDown() throws IOException {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        try (S3DocumentStore unreachable = S3DocumentStore.of(S3ProxyServer.config(closed, bucket)
                .with("connectTimeout", "2s"))) {
            assertThrows(TransientPluginException.class, () -> unreachable.put(ACME, ID, "application/pdf", pdf));
            assertThrows(TransientPluginException.class, () -> unreachable.get(ACME, ID));
            assertThrows(TransientPluginException.class, () -> unreachable.list(ACME, ""));
            assertThrows(TransientPluginException.class, () -> unreachable.delete(ACME, ID));

            PluginHealth health = unreachable.health();

            assertEquals(PluginHealth.Status.DOWN, health.status());
            assertTrue(health.message().contains("cannot be reached"), health.message());
        }
    }
}
