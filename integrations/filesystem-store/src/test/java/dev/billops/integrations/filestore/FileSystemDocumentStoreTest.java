package dev.billops.integrations.filestore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.DocumentStore;
import dev.billops.spi.InvalidDocumentIdException;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.StoredDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemDocumentStoreTest {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final byte[] PDF = "%PDF-1.7 invoice INV-2026-00042".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path sandbox;
    Path root;
    FileSystemDocumentStore store;

    @BeforeEach
    void setUp() {
        root = sandbox.resolve("documents");
        store = FileSystemDocumentStore.at(root);
    }

    /** Every path under {@code dir} with its content (files) or "/" (folders) or "-> target" (links). */
    static SortedMap<String, String> snapshot(Path dir) throws IOException {
        SortedMap<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    tree.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    tree.put(key, "/");
                } else {
                    tree.put(key, HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
        }
        return tree;
    }

    @Test
    void put_thenGet_roundTripsWithSizeAndSha256() throws Exception {
        StoredDocument stored = store.put(ACME, "invoices/2026/INV-2026-00042.pdf", "application/pdf", PDF);

        assertArrayEquals(PDF, store.get(ACME, "invoices/2026/INV-2026-00042.pdf").orElseThrow());
        assertEquals(ACME, stored.tenant());
        assertEquals("invoices/2026/INV-2026-00042.pdf", stored.documentId());
        assertEquals("application/pdf", stored.contentType());
        assertEquals(PDF.length, stored.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)), stored.sha256());
        assertEquals(root.resolve("t-acme/invoices/2026/INV-2026-00042.pdf").toRealPath().toString(), stored.location());
        assertTrue(Files.isRegularFile(Path.of(stored.location())));
    }

    @Test
    void put_existingId_replacesContent() {
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        byte[] second = "second version".getBytes(StandardCharsets.UTF_8);

        store.put(ACME, "invoices/a.pdf", "application/pdf", second);

        assertArrayEquals(second, store.get(ACME, "invoices/a.pdf").orElseThrow());
        assertEquals(List.of("invoices/a.pdf"), store.list(ACME, ""));
    }

    @Test
    void get_missing_isEmpty() {
        assertTrue(store.get(ACME, "invoices/none.pdf").isEmpty());
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        assertTrue(store.get(ACME, "invoices").isEmpty(), "a folder is not a document");
    }

    @Test
    void delete_removesDocumentAndEmptiedFoldersOnly() throws IOException {
        store.put(ACME, "invoices/2026/a.pdf", "application/pdf", PDF);
        store.put(ACME, "credit-notes/c.pdf", "application/pdf", PDF);

        assertTrue(store.delete(ACME, "invoices/2026/a.pdf"));
        assertFalse(store.delete(ACME, "invoices/2026/a.pdf"));

        assertTrue(store.get(ACME, "invoices/2026/a.pdf").isEmpty());
        assertEquals(List.of("credit-notes/c.pdf"), store.list(ACME, ""));
        assertFalse(Files.exists(root.resolve("t-acme/invoices")), "emptied folders are removed");
        assertTrue(Files.isDirectory(root.resolve("t-acme")));
    }

    @Test
    void list_prefix_sortedIdsUnderIt() {
        for (String id : List.of("invoices/INV-3.pdf", "invoices/INV-1.pdf", "credit-notes/CN-1.pdf", "invoices/2025/INV-0.pdf",
                "invoicesX.pdf")) {
            store.put(ACME, id, "application/pdf", PDF);
        }

        assertEquals(List.of("credit-notes/CN-1.pdf", "invoices/2025/INV-0.pdf", "invoices/INV-1.pdf", "invoices/INV-3.pdf",
                "invoicesX.pdf"), store.list(ACME, ""));
        assertEquals(List.of("invoices/2025/INV-0.pdf", "invoices/INV-1.pdf", "invoices/INV-3.pdf"),
                store.list(ACME, "invoices/"));
        assertEquals(List.of("invoices/INV-1.pdf", "invoices/INV-3.pdf"), store.list(ACME, "invoices/INV-"));
        assertEquals(List.of(), store.list(GLOBEX, ""));
    }

    @Test
    void tenants_areSeparated_otherTenantCannotReadListOrDelete() throws IOException {
        store.put(ACME, "invoices/INV-1.pdf", "application/pdf", PDF);
        SortedMap<String, String> before = snapshot(root);

        assertTrue(store.get(GLOBEX, "invoices/INV-1.pdf").isEmpty());
        assertEquals(List.of(), store.list(GLOBEX, ""));
        assertEquals(List.of(), store.list(GLOBEX, "invoices/"));
        assertFalse(store.delete(GLOBEX, "invoices/INV-1.pdf"));
        // a relative id naming ACME's folder stays inside GLOBEX's own space
        assertTrue(store.get(GLOBEX, "t-acme/invoices/INV-1.pdf").isEmpty());
        assertFalse(store.delete(GLOBEX, "t-acme/invoices/INV-1.pdf"));
        assertEquals(List.of(), store.list(GLOBEX, "t-acme/"));
        for (String reach : List.of("../t-acme/invoices/INV-1.pdf", "/t-acme/invoices/INV-1.pdf",
                "..\\t-acme\\invoices\\INV-1.pdf", "invoices/../../t-acme/invoices/INV-1.pdf",
                root.resolve("t-acme/invoices/INV-1.pdf").toString())) {
            assertRejected(() -> store.get(GLOBEX, reach), reach);
            assertRejected(() -> store.delete(GLOBEX, reach), reach);
            assertRejected(() -> store.put(GLOBEX, reach, "application/pdf", PDF), reach);
        }

        assertEquals(before, snapshot(root));
        assertArrayEquals(PDF, store.get(ACME, "invoices/INV-1.pdf").orElseThrow());
    }

    @Test
    void tenantFolders_distinctForIdsDifferingInCaseOrDots() {
        List<TenantId> tenants = List.of(TenantId.of("Acme"), TenantId.of("acme"), TenantId.of("."), TenantId.of(".."),
                TenantId.of("a.b"), TenantId.of("a_2eb"), TenantId.of("a:b"), TenantId.of("A-B"));
        for (TenantId t : tenants) {
            store.put(t, "doc.pdf", "application/pdf", t.value().getBytes(StandardCharsets.UTF_8));
        }

        List<String> folders = tenants.stream().map(DocumentIds::tenantFolder).toList();
        assertEquals(tenants.size(), folders.stream().map(f -> f.toLowerCase(Locale.ROOT)).distinct().count(), folders.toString());
        for (String f : folders) {
            assertTrue(f.matches("t-[a-z0-9_-]+"), f);
        }
        for (TenantId t : tenants) {
            assertArrayEquals(t.value().getBytes(StandardCharsets.UTF_8), store.get(t, "doc.pdf").orElseThrow(), t.value());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/etc/passwd", "../outside.pdf", "../../outside.pdf", "a/../../outside.pdf",
            "invoices/../../t-globex/x.pdf", ".", "..", "./a.pdf", "a/./b.pdf", "a/..", "a\\b.pdf", "..\\outside.pdf",
            "C:/Windows/x.pdf", "c:x.pdf", "C:\\x.pdf", "a\u0000b.pdf", "a\nb.pdf", "a//b.pdf", "a/", "/a", "%2e%2e/x.pdf",
            "a b.pdf", "~/x.pdf", "a/b:stream.pdf", "CON", "nul.pdf", "aux/x.pdf", "trailing.", "r\u00e9sum\u00e9.pdf",
            ".billops-tmp-123.part", "x/.billops-tmp-1.part"})
    void put_invalidId_rejectedNamingItAndNothingWrittenAnywhere(String id) throws IOException {
        store.put(ACME, "invoices/kept.pdf", "application/pdf", PDF);
        SortedMap<String, String> before = snapshot(sandbox);

        InvalidDocumentIdException e = assertThrows(InvalidDocumentIdException.class,
                () -> store.put(ACME, id, "application/pdf", "attack".getBytes(StandardCharsets.UTF_8)));
        assertRejected(() -> store.get(ACME, id), id);
        assertRejected(() -> store.delete(ACME, id), id);

        assertEquals(id, e.documentId().replace("\\u0000", "\u0000").replace("\\u000a", "\n"));
        assertTrue(e.getMessage().startsWith("document id '"), e.getMessage());
        assertEquals(before, snapshot(sandbox));
    }

    private static boolean assertRejected(org.junit.jupiter.api.function.Executable call, String id) {
        assertThrows(InvalidDocumentIdException.class, call, id);
        return true;
    }

    @Test
    void symlinkInsideTenantLeadingOutside_refusedForPutGetDelete() throws IOException {
        Path outside = Files.createDirectories(sandbox.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "other people's data");
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        Files.createSymbolicLink(root.resolve("t-acme/escape"), outside);
        Files.createSymbolicLink(root.resolve("t-acme/invoices/link.pdf"), outside.resolve("secret.txt"));
        SortedMap<String, String> before = snapshot(sandbox);

        assertRejected(() -> store.put(ACME, "escape/new.pdf", "application/pdf", PDF), "escape/new.pdf");
        assertRejected(() -> store.get(ACME, "escape/secret.txt"), "escape/secret.txt");
        assertRejected(() -> store.delete(ACME, "escape/secret.txt"), "escape/secret.txt");
        assertRejected(() -> store.get(ACME, "invoices/link.pdf"), "invoices/link.pdf");
        assertRejected(() -> store.put(ACME, "invoices/link.pdf", "application/pdf", PDF), "invoices/link.pdf");

        assertEquals(before, snapshot(sandbox));
        assertEquals(List.of("invoices/a.pdf"), store.list(ACME, ""), "links are not listed");
    }

    @Test
    void symlinkInsideTenantStayingInside_isFollowed() throws IOException {
        store.put(ACME, "invoices/2026/a.pdf", "application/pdf", PDF);
        Files.createSymbolicLink(root.resolve("t-acme/current"), root.resolve("t-acme/invoices/2026"));

        assertArrayEquals(PDF, store.get(ACME, "current/a.pdf").orElseThrow());
    }

    @Test
    void tenantFolderThatIsALinkToAnotherTenant_refused() throws IOException {
        store.put(GLOBEX, "invoices/g.pdf", "application/pdf", PDF);
        Files.createSymbolicLink(root.resolve("t-acme"), root.resolve("t-globex"));

        assertThrows(PluginException.class, () -> store.get(ACME, "invoices/g.pdf"));
        assertThrows(PluginException.class, () -> store.put(ACME, "invoices/x.pdf", "application/pdf", PDF));
        assertEquals(List.of("invoices/g.pdf"), store.list(GLOBEX, ""));
        assertEquals(List.of(), store.list(ACME, ""), "a linked tenant folder is not listed");
    }

    @Test
    void put_overExistingFolder_rejected() {
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);

        assertRejected(() -> store.put(ACME, "invoices", "application/pdf", PDF), "invoices");
        assertRejected(() -> store.put(ACME, "invoices/a.pdf/b.pdf", "application/pdf", PDF), "invoices/a.pdf/b.pdf");
        assertArrayEquals(PDF, store.get(ACME, "invoices/a.pdf").orElseThrow());
    }

    @Test
    void crashLeftTempFile_notListedAndReadsUnaffected() throws IOException {
        store.put(ACME, "invoices/a.pdf", "application/pdf", PDF);
        // what a crash between creating and renaming the temporary file leaves behind
        Path orphan = root.resolve("t-acme/invoices/" + DocumentIds.TEMP_PREFIX + "8412345.part");
        Files.write(orphan, "%PDF-1.7 half writ".getBytes(StandardCharsets.US_ASCII));

        assertEquals(List.of("invoices/a.pdf"), store.list(ACME, ""));
        assertEquals(List.of("invoices/a.pdf"), store.list(ACME, "invoices/"));
        assertArrayEquals(PDF, store.get(ACME, "invoices/a.pdf").orElseThrow());
        assertRejected(() -> store.get(ACME, "invoices/" + orphan.getFileName()), "temp id");

        byte[] next = "next".getBytes(StandardCharsets.UTF_8);
        store.put(ACME, "invoices/a.pdf", "application/pdf", next);
        assertArrayEquals(next, store.get(ACME, "invoices/a.pdf").orElseThrow());
        assertTrue(store.delete(ACME, "invoices/a.pdf"));
        assertTrue(Files.exists(orphan), "the store does not delete files it did not write in this call");
    }

    @Test
    void put_leavesNoTemporaryFiles() throws IOException {
        for (int i = 0; i < 20; i++) {
            store.put(ACME, "invoices/a.pdf", "application/pdf", ("v" + i).getBytes(StandardCharsets.UTF_8));
        }

        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of("a.pdf"), files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void health_writableRoot_up() throws IOException {
        Files.createDirectories(root);
        assertEquals(PluginHealth.Status.UP, store.health().status());
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(0, files.count(), "the probe file is removed");
        }
    }

    @Test
    void health_missingRoot_down() {
        PluginHealth h = store.health();

        assertEquals(PluginHealth.Status.DOWN, h.status());
        assertTrue(h.message().contains("does not exist"), h.message());
    }

    @Test
    void health_rootIsAFile_down() throws IOException {
        Files.writeString(sandbox.resolve("file"), "x");

        PluginHealth h = FileSystemDocumentStore.at(sandbox.resolve("file")).health();

        assertEquals(PluginHealth.Status.DOWN, h.status());
        assertTrue(h.message().contains("is not a folder"), h.message());
    }

    @Test
    void health_readOnlyRoot_down() throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            PluginHealth h = store.health();

            assertEquals(PluginHealth.Status.DOWN, h.status());
            assertTrue(h.message().contains("is not writable"), h.message());
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void serviceLoader_findsTheStore_configuredWithRoot() {
        DocumentStore found = ServiceLoader.load(DocumentStore.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.id().equals("filesystem")).findFirst().orElseThrow();
        assertEquals(PluginHealth.Status.DOWN, found.health().status(), "unconfigured");

        found.configure(PluginConfig.of("filesystem", Map.of("root", root.toString())));
        found.put(ACME, "a.pdf", "application/pdf", PDF);

        assertArrayEquals(PDF, store.get(ACME, "a.pdf").orElseThrow(), "same layout as FileSystemDocumentStore.at");
        assertEquals(PluginHealth.Status.UP, found.health().status());
    }

    @Test
    void configure_withoutRoot_throwsNamingKey() {
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> new FileSystemDocumentStore().configure(PluginConfig.of("filesystem", Map.of())));

        assertEquals("root", e.key());
        assertThrows(PluginConfigurationException.class, () -> new FileSystemDocumentStore().list(ACME, ""));
    }

    @Test
    void documentIds_acceptedForms() {
        for (String id : List.of("a.pdf", "invoices/INV-2026-00042.pdf", "x/y/z/w.pdf", ".hidden", "a+b=c@d_e-f.pdf",
                "2026/11/CN-7.pdf")) {
            assertNotEquals(List.of(), DocumentIds.segments(id), id);
            store.put(ACME, id, "application/pdf", PDF);
            assertTrue(store.list(ACME, "").contains(id), id);
        }
    }
}
