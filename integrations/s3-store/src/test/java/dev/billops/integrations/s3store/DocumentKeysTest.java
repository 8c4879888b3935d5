package dev.billops.integrations.s3store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.InvalidDocumentIdException;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentKeysTest {

    static final TenantId ACME = TenantId.of("acme");

    @Test
    void key_withAndWithoutPrefix_isPrefixTenantFolderAndId() {
        assertEquals("t-acme/invoices/2026/INV-1.pdf", DocumentKeys.under("").key(ACME, "invoices/2026/INV-1.pdf"));
        assertEquals("billops/docs/t-acme/invoices/INV-1.pdf",
                DocumentKeys.under("billops/docs").key(ACME, "invoices/INV-1.pdf"));
        assertEquals("billops/docs/t-acme/a.pdf", DocumentKeys.under(" billops/docs// ").key(ACME, "a.pdf"));
    }

    @Test
    void under_prefixBreakingTheIdRules_throws() {
        for (String prefix : List.of("a/../b", "..", "a//b", "a b", "/abs", "a\\b")) {
            assertThrows(InvalidDocumentIdException.class, () -> DocumentKeys.under(prefix), prefix);
        }
    }

    @Test
    void tenantFolder_distinctIdsGiveDistinctSafeFolders() {
        Map<String, TenantId> seen = new HashMap<>();
        for (String id : List.of("acme", "Acme", "ACME", ".", "..", "...", "a.b", "a_2eb", "a:b", "a_3ab", "a-b", "A-B",
                "_", "__", "_5f")) {
            String folder = DocumentKeys.tenantFolder(TenantId.of(id));
            assertTrue(folder.matches("t-[a-z0-9_-]+"), folder);
            TenantId other = seen.put(folder, TenantId.of(id));
            assertEquals(null, other, id + " and " + other + " share folder " + folder);
        }
        assertEquals("t-acme", DocumentKeys.tenantFolder(ACME));
        assertEquals("t-_2e_2e", DocumentKeys.tenantFolder(TenantId.of("..")));
    }

    @Test
    void checkId_rules_nameIdAndRule() {
        assertMessage("", "document id '' is blank");
        assertMessage("a\u0000b", "document id 'a\\u0000b' contains a NUL character");
        assertMessage("a\\b", "document id 'a\\b' contains a backslash; separate folders with '/'");
        assertMessage("/a", "document id '/a' is absolute; ids are relative to the tenant's space");
        assertMessage("a//b", "document id 'a//b' has an empty segment (a leading, trailing or double '/')");
        assertMessage("a/../b", "document id 'a/../b' has a '..' segment");
        assertMessage("a/b c", "document id 'a/b c' has a character outside letters, digits and '.', '_', '+', '@', '=', "
                + "'-' in segment 'b c'");
        assertMessage("x".repeat(256), "document id '" + "x".repeat(256) + "' has a segment longer than 255 characters");
    }

    @Test
    void key_longerThan1024Bytes_throws() {
        DocumentKeys keys = DocumentKeys.under("p");
        String fits = "a".repeat(200) + "/" + "b".repeat(200) + "/" + "c".repeat(200) + "/" + "d".repeat(200) + "/"
                + "e".repeat(1024 - "p/t-acme/".length() - 4 * 201);
        assertEquals(1024, keys.key(ACME, fits).length());
        InvalidDocumentIdException e = assertThrows(InvalidDocumentIdException.class, () -> keys.key(ACME, fits + "e"));
        assertTrue(e.getMessage().contains("makes a key of 1025 bytes"), e.getMessage());
    }

    @Test
    void listPrefix_prefixesNoValidIdHas_areEmpty() {
        DocumentKeys keys = DocumentKeys.under("p");
        assertEquals(Optional.of("p/t-acme/"), keys.listPrefix(ACME, ""));
        assertEquals(Optional.of("p/t-acme/invoices/INV-"), keys.listPrefix(ACME, "invoices/INV-"));
        assertEquals(Optional.of("p/t-acme/invoices/.."), keys.listPrefix(ACME, "invoices/.."), "ids like invoices/..x");
        for (String prefix : List.of("/", "../", "a/../", "./x", "a//", "a b", "ä", "a\u0000", "a\\")) {
            assertEquals(Optional.empty(), keys.listPrefix(ACME, prefix), prefix);
        }
    }

    @Test
    void documentId_keysOfOtherTenantsOrInvalidNames_areNotIds() {
        DocumentKeys keys = DocumentKeys.under("p");
        assertEquals(Optional.of("invoices/a.pdf"), keys.documentId(ACME, "p/t-acme/invoices/a.pdf"));
        assertEquals(Optional.empty(), keys.documentId(ACME, "p/t-acme-eu/invoices/a.pdf"));
        assertEquals(Optional.empty(), keys.documentId(ACME, "p/t-acme/invoices/"));
        assertEquals(Optional.empty(), keys.documentId(ACME, "p/t-acme/"));
        assertEquals(Optional.empty(), keys.documentId(ACME, "t-acme/a.pdf"));
        assertEquals(Optional.empty(), keys.documentId(ACME, "p/t-acme/a b.pdf"));
    }

    /**
     * For ids built from the fragments attackers use, either the id is refused or its key lies
     * under the tenant's root with no empty, {@code .} or {@code ..} segment after it, and maps
     * back to the id.
     */
    @Test
    void key_anyIdFromHostileFragments_isRefusedOrStaysUnderTheTenantsRoot() {
        Gen<String> fragments = Gen.oneOf("a", "B", "0", ".", "..", "/", "\\", "%2e", ":", "\u0000", "\n", " ", "ä", "+",
                "t-globex", "-", "_");
        Gen<String> ids = Gen.listOf(fragments, 0, 10).map(parts -> String.join("", parts));
        DocumentKeys keys = DocumentKeys.under("billops");
        Property.forAll(ids).tries(2_000).label("valid", DocumentKeys::isValid).verify(id -> {
            String key;
            try {
                key = keys.key(ACME, id);
            } catch (InvalidDocumentIdException e) {
                assertFalse(DocumentKeys.isValid(id));
                return;
            }
            String root = "billops/t-acme/";
            assertTrue(key.startsWith(root), key);
            for (String segment : key.substring(root.length()).split("/", -1)) {
                assertFalse(segment.isEmpty() || segment.equals(".") || segment.equals(".."), key);
                assertTrue(segment.matches("[A-Za-z0-9._+@=-]+"), key);
            }
            assertEquals(Optional.of(id), keys.documentId(ACME, key));
        });
    }

    private static void assertMessage(String id, String message) {
        assertEquals(message, assertThrows(InvalidDocumentIdException.class, () -> DocumentKeys.checkId(id)).getMessage());
    }
}
