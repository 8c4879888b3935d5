package dev.billops.integrations.s3store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.InvalidDocumentIdException;
import dev.billops.spi.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The store against a real S3-compatible server (S3Proxy on loopback): storing, reading, listing, deleting, per tenant. */
class S3DocumentStoreTest {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final byte[] PDF = "%PDF-1.7 invoice INV-2026-00042".getBytes(StandardCharsets.US_ASCII);

    final S3ProxyServer server = S3ProxyServer.shared();
    String bucket;
    S3DocumentStore store;

    @BeforeEach
    void setUp() {
        bucket = server.newBucket();
        store = S3DocumentStore.of(server.config(bucket).with("prefix", "billops/documents"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void put_thenGet_roundTripsUnderTenantKeyWithTypeAndChecksum() throws Exception {
        StoredDocument stored = store.put(ACME, "invoices/2026/INV-2026-00042.pdf", "application/pdf", PDF);

        assertArrayEquals(PDF, store.get(ACME, "invoices/2026/INV-2026-00042.pdf").orElseThrow());
        String key = "billops/documents/t-acme/invoices/2026/INV-2026-00042.pdf";
        assertEquals(List.of(key), server.keys(bucket));
        assertEquals(new StoredDocument(ACME, "invoices/2026/INV-2026-00042.pdf", "application/pdf", PDF.length,
                sha256(PDF), "s3://" + bucket + "/" + key), stored);
        HeadObjectResponse head = server.admin().headObject(b -> b.bucket(bucket).key(key));
        assertEquals("application/pdf", head.contentType());
        assertEquals(Map.of(S3DocumentStore.SHA256_METADATA, sha256(PDF)), head.metadata());
        assertEquals(PDF.length, head.contentLength());
    }

    @Test
    void put_existingId_replacesContentAndType() {
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        byte[] second = "<xml>second version</xml>".getBytes(StandardCharsets.UTF_8);

        store.put(ACME, "invoices/a.pdf", "application/xml; charset=utf-8", second);

        assertArrayEquals(second, store.get(ACME, "invoices/a.pdf").orElseThrow());
        assertEquals(List.of("invoices/a.pdf"), store.list(ACME, ""));
        assertEquals("application/xml; charset=utf-8", server.admin()
                .headObject(b -> b.bucket(bucket).key("billops/documents/t-acme/invoices/a.pdf")).contentType());
    }

    @Test
    void put_emptyContentAndEveryAllowedCharacter_roundTrips() {
        String id = "x/A-Z_a.z+0@9=.pdf";
        store.put(ACME, id, "application/octet-stream", new byte[0]);
        store.put(ACME, "..x/.y", "text/plain", PDF);

        assertArrayEquals(new byte[0], store.get(ACME, id).orElseThrow());
        assertArrayEquals(PDF, store.get(ACME, "..x/.y").orElseThrow());
        assertEquals(List.of("..x/.y", id), store.list(ACME, ""));
    }

    @Test
    void get_missing_isEmpty() {
        assertTrue(store.get(ACME, "invoices/none.pdf").isEmpty());
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        assertTrue(store.get(ACME, "invoices").isEmpty(), "a folder is not a document");
    }

    @Test
    void exists_storedAndMissingAndDeleted() {
        assertFalse(store.exists(ACME, "invoices/a.pdf"));
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        assertTrue(store.exists(ACME, "invoices/a.pdf"));
        assertFalse(store.exists(ACME, "invoices"));
        store.delete(ACME, "invoices/a.pdf");
        assertFalse(store.exists(ACME, "invoices/a.pdf"));
    }

    @Test
    void delete_removesDocumentOnly_secondDeleteFalse() {
        store.put(ACME, "invoices/2026/a.pdf", "application/pdf", PDF);
        store.put(ACME, "credit-notes/c.pdf", "application/pdf", PDF);

        assertTrue(store.delete(ACME, "invoices/2026/a.pdf"));
        assertFalse(store.delete(ACME, "invoices/2026/a.pdf"));

        assertTrue(store.get(ACME, "invoices/2026/a.pdf").isEmpty());
        assertEquals(List.of("credit-notes/c.pdf"), store.list(ACME, ""));
        assertEquals(List.of("billops/documents/t-acme/credit-notes/c.pdf"), server.keys(bucket));
    }

    @Test
    void list_prefix_sortedIdsUnderIt() {
        for (String id : List.of("invoices/INV-3.pdf", "invoices/INV-1.pdf", "credit-notes/CN-1.pdf",
                "invoices/2025/INV-0.pdf", "invoicesX.pdf")) {
            store.put(ACME, id, "application/pdf", PDF);
        }

        assertEquals(List.of("credit-notes/CN-1.pdf", "invoices/2025/INV-0.pdf", "invoices/INV-1.pdf",
                "invoices/INV-3.pdf", "invoicesX.pdf"), store.list(ACME, ""));
        assertEquals(List.of("invoices/2025/INV-0.pdf", "invoices/INV-1.pdf", "invoices/INV-3.pdf"),
                store.list(ACME, "invoices/"));
        assertEquals(List.of("invoices/INV-1.pdf", "invoices/INV-3.pdf"), store.list(ACME, "invoices/INV-"));
        assertEquals(List.of(), store.list(ACME, "receipts/"));
        assertEquals(List.of(), store.list(GLOBEX, ""));
    }

    @Test
    void list_moreThanOnePageOfKeys_listsAll() {
        // S3 pages listings by 1,000 keys; S3Proxy too
        int count = 1_001;
        for (int i = 0; i < count; i++) {
            String key = "billops/documents/t-acme/bulk/" + String.format("%05d", Integer.valueOf(i)) + ".pdf";
            server.admin().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(PDF));
        }

        List<String> ids = store.list(ACME, "bulk/");

        assertEquals(count, ids.size());
        assertEquals("bulk/00000.pdf", ids.get(0));
        assertEquals("bulk/01000.pdf", ids.get(count - 1));
    }

    @Test
    void list_skipsObjectsWhoseNamesAreNotValidIds() {
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        // written by other tools; S3Proxy's file-system backend cannot hold keys with empty or '..' segments
        for (String foreign : List.of("billops/documents/t-acme/invoices/with space.pdf",
                "billops/documents/t-acme/invoices/rechnung-ä.pdf", "billops/documents/t-acme/invoices/a%2Fb.pdf",
                "billops/documents/t-acme-invoice.pdf", "billops/documents/t-acmeX/invoices/b.pdf")) {
            server.admin().putObject(b -> b.bucket(bucket).key(foreign), RequestBody.fromBytes(PDF));
        }

        assertEquals(List.of("invoices/a.pdf"), store.list(ACME, ""));
    }

    @Test
    void tenants_areSeparated_otherTenantCannotReadListOrDelete() {
        store.put(ACME, "invoices/INV-1.pdf", "application/pdf", PDF);
        List<String> before = server.keys(bucket);

        assertTrue(store.get(GLOBEX, "invoices/INV-1.pdf").isEmpty());
        assertFalse(store.exists(GLOBEX, "invoices/INV-1.pdf"));
        assertEquals(List.of(), store.list(GLOBEX, ""));
        assertEquals(List.of(), store.list(GLOBEX, "invoices/"));
        assertFalse(store.delete(GLOBEX, "invoices/INV-1.pdf"));
        // an id naming ACME's folder stays inside GLOBEX's own prefix
        assertTrue(store.get(GLOBEX, "t-acme/invoices/INV-1.pdf").isEmpty());
        assertFalse(store.delete(GLOBEX, "t-acme/invoices/INV-1.pdf"));
        assertEquals(List.of(), store.list(GLOBEX, "../t-acme/"));
        assertEquals(List.of(), store.list(GLOBEX, "/"));
        for (String reach : List.of("../t-acme/invoices/INV-1.pdf", "/billops/documents/t-acme/invoices/INV-1.pdf",
                "..\\t-acme\\invoices\\INV-1.pdf", "invoices/../../t-acme/invoices/INV-1.pdf",
                "./../t-acme/invoices/INV-1.pdf", "invoices/%2e%2e/x.pdf")) {
            assertRejected(() -> store.get(GLOBEX, reach), reach);
            assertRejected(() -> store.exists(GLOBEX, reach), reach);
            assertRejected(() -> store.delete(GLOBEX, reach), reach);
            assertRejected(() -> store.put(GLOBEX, reach, "application/pdf", PDF), reach);
            assertRejected(() -> store.presignedUrl(GLOBEX, reach, Duration.ofMinutes(1)), reach);
        }
        assertEquals(before, server.keys(bucket), "nothing was written or removed");
        assertArrayEquals(PDF, store.get(ACME, "invoices/INV-1.pdf").orElseThrow());
    }

    @Test
    void tenants_differingInCaseOrBeingDotsOrPrefixesOfEachOther_keepApart() {
        List<TenantId> tenants = List.of(TenantId.of("acme"), TenantId.of("Acme"), TenantId.of("acme-eu"),
                TenantId.of("."), TenantId.of(".."), TenantId.of("a:b"), TenantId.of("a_3ab"));
        for (TenantId t : tenants) {
            store.put(t, "invoices/INV-1.pdf", "application/pdf", t.value().getBytes(StandardCharsets.UTF_8));
        }

        for (TenantId t : tenants) {
            assertArrayEquals(t.value().getBytes(StandardCharsets.UTF_8), store.get(t, "invoices/INV-1.pdf").orElseThrow(),
                    t.value());
            assertEquals(List.of("invoices/INV-1.pdf"), store.list(t, ""), t.value());
        }
        assertEquals(List.of("billops/documents/t-_2e/invoices/INV-1.pdf", "billops/documents/t-_2e_2e/invoices/INV-1.pdf",
                "billops/documents/t-_41cme/invoices/INV-1.pdf", "billops/documents/t-a_3ab/invoices/INV-1.pdf",
                "billops/documents/t-a_5f3ab/invoices/INV-1.pdf", "billops/documents/t-acme-eu/invoices/INV-1.pdf",
                "billops/documents/t-acme/invoices/INV-1.pdf"), server.keys(bucket));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/abs.pdf", "a//b.pdf", "a/", "a/./b.pdf", "..", "a\\b.pdf", "a\u0000b.pdf",
            "a\nb.pdf", "a\u007fb.pdf", "rechnung-ä.pdf", "a b.pdf", "a?b.pdf", "a#b.pdf", "a%2Fb.pdf", "C:x.pdf"})
    void put_invalidId_throwsNamingIdAndStoresNothing(String id) {
        InvalidDocumentIdException e = assertThrows(InvalidDocumentIdException.class,
                () -> store.put(ACME, id, "application/pdf", PDF));

        assertTrue(e.getMessage().startsWith("document id '"), e.getMessage());
        assertEquals(List.of(), server.keys(bucket));
    }

    @Test
    void put_idMakingKeyLongerThan1024Bytes_throwsAndStoresNothing() {
        String segment = "a".repeat(200);
        String id = String.join("/", segment, segment, segment, segment, segment) + ".pdf";

        InvalidDocumentIdException e = assertThrows(InvalidDocumentIdException.class,
                () -> store.put(ACME, id, "application/pdf", PDF));

        assertTrue(e.getMessage().contains("1024"), e.getMessage());
        assertEquals(List.of(), server.keys(bucket));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pdf", "application/", "/pdf", "application/pdf\r\nx-amz-acl: public-read",
            "application/pdf; charset", "text/plain; charset=\"a\nb\"", "appli cation/pdf"})
    void put_invalidContentType_throwsNamingItAndStoresNothing(String contentType) {
        InvalidContentTypeException e = assertThrows(InvalidContentTypeException.class,
                () -> store.put(ACME, "invoices/a.pdf", contentType, PDF));

        assertTrue(e.getMessage().startsWith("content type '"), e.getMessage());
        assertEquals(List.of(), server.keys(bucket));
    }

    private static void assertRejected(Executable call, String id) {
        InvalidDocumentIdException e = assertThrows(InvalidDocumentIdException.class, call, id);
        assertTrue(e.getMessage().contains("document id '"), e.getMessage());
    }
}
