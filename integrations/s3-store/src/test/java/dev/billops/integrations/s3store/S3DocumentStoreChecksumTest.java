package dev.billops.integrations.s3store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.PluginException;
import dev.billops.spi.TransientPluginException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Damaged content is refused: on the server's disk (read), and on the wire (upload). */
class S3DocumentStoreChecksumTest {

    static final TenantId ACME = TenantId.of("acme");
    static final String ID = "invoices/2026/INV-2026-00042.pdf";
    static final String KEY = "t-acme/" + ID;

    final S3ProxyServer server = S3ProxyServer.shared();
    String bucket;
    S3DocumentStore store;
    byte[] pdf;

    @BeforeEach
    void setUp() {
        bucket = server.newBucket();
        store = S3DocumentStore.of(server.config(bucket));
        pdf = new byte[64 * 1024];
        new Random(42).nextBytes(pdf);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void get_objectChangedOnServersDisk_throwsChecksumMismatchWithBothDigests() throws Exception {
        store.put(ACME, ID, "application/pdf", pdf);
        Path file = server.objectFile(bucket, KEY);
        byte[] onDisk = Files.readAllBytes(file);
        assertArrayEquals(pdf, onDisk, "the server keeps the object as this file");
        onDisk[1000] ^= 0x20;
        Files.write(file, onDisk);

        DocumentChecksumMismatchException e = assertThrows(DocumentChecksumMismatchException.class,
                () -> store.get(ACME, ID));

        assertEquals(Optional.of(S3DocumentStoreTest.sha256(pdf)), e.expectedSha256());
        assertEquals(S3DocumentStoreTest.sha256(onDisk), e.actualSha256());
        assertEquals(ACME, e.tenant());
        assertEquals(ID, e.documentId());
        assertEquals(S3DocumentStore.ID, e.pluginId());
        assertTrue(e.getMessage().contains(ID) && e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(store.exists(ACME, ID), "the document is still there, only not handed out");
    }

    @Test
    void get_objectTruncatedOnServersDisk_throwsChecksumMismatch() throws Exception {
        store.put(ACME, ID, "application/pdf", pdf);
        Path file = server.objectFile(bucket, KEY);
        Files.write(file, Arrays.copyOf(pdf, 1000));

        assertThrows(DocumentChecksumMismatchException.class, () -> store.get(ACME, ID));
    }

    @Test
    void get_objectWrittenWithoutRecordedChecksum_throwsMismatchWithoutExpected() {
        server.admin().putObject(b -> b.bucket(bucket).key(KEY).contentType("application/pdf"), RequestBody.fromBytes(pdf));

        DocumentChecksumMismatchException e = assertThrows(DocumentChecksumMismatchException.class,
                () -> store.get(ACME, ID));

        assertEquals(Optional.empty(), e.expectedSha256());
        assertTrue(e.getMessage().contains("no recorded SHA-256"), e.getMessage());
    }

    @Test
    void get_objectReplacedByOtherWriterKeepingOldChecksum_throwsMismatch() throws Exception {
        store.put(ACME, ID, "application/pdf", pdf);
        String recorded = S3DocumentStoreTest.sha256(pdf);
        server.admin().putObject(b -> b.bucket(bucket).key(KEY).metadata(Map.of(S3DocumentStore.SHA256_METADATA, recorded)),
                RequestBody.fromString("not the invoice"));

        DocumentChecksumMismatchException e = assertThrows(DocumentChecksumMismatchException.class,
                () -> store.get(ACME, ID));

        assertEquals(Optional.of(recorded), e.expectedSha256());
    }

    @Test
    void put_bodyDamagedOnTheWire_serverRefusesAndNothingIsStored() throws Exception {
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(server.endpoint());
                S3DocumentStore viaProxy = S3DocumentStore.of(S3ProxyServer.config(proxy.endpoint(), bucket))) {
            proxy.corruptByteAt(20_000, 1); // inside the 64 KiB body, after the request head

            PluginException e = assertThrows(PluginException.class, () -> viaProxy.put(ACME, ID, "application/pdf", pdf));

            assertInstanceOf(TransientPluginException.class, e, e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 400 BadDigest"), "refused for its Content-MD5: " + e.getMessage());
            assertTrue(e.getMessage().contains(ID), e.getMessage());
            assertEquals(List.of(), server.keys(bucket));

            viaProxy.put(ACME, ID, "application/pdf", pdf);
            assertArrayEquals(pdf, store.get(ACME, ID).orElseThrow());
        }
    }
}
