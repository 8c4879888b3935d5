package dev.billops.einvoice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile XML is refused with a typed exception before it can read files, eat memory or recurse. */
class EInvoiceReaderHardeningTest {

    private static final String SECRET = "top-secret-4711";

    @TempDir
    Path dir;

    @Test
    void read_externalEntityReadingAFile_refusedAsUnsafeWithoutReadingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
                + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
                + "<cbc:ID>&xxe;</cbc:ID></Invoice>";
        UnsafeXmlException e = assertThrows(UnsafeXmlException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(String.valueOf(e.getMessage()).contains(SECRET));
    }

    @Test
    void read_externalParameterEntity_refusedAsUnsafe() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]><x/>";
        assertThrows(UnsafeXmlException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void read_billionLaughs_refusedAsUnsafeAtOnce() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>" + dtd + "<lolz>&lol9;</lolz>";
        long start = System.nanoTime();
        assertThrows(UnsafeXmlException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "refused quickly");
    }

    @Test
    void read_hundredMegabyteDocument_refusedAsTooLargeAfterReadingOnlyTheLimit() throws IOException {
        Path big = dir.resolve("big.xml");
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
                    + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">");
            String note = "<cbc:Note>" + "x".repeat(1000) + "</cbc:Note>\n";
            while (written < 100L * 1024 * 1024) {
                w.write(note);
                written += note.length();
            }
            w.write("</Invoice>");
        }
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(big)) {
            DocumentTooLargeException e = assertThrows(DocumentTooLargeException.class,
                    () -> EInvoiceReader.standard().read(in));
            assertTrue(e.limitBytes() == EInvoiceReader.standard().maxBytes());
        }
        System.out.println("100 MB document refused after " + Duration.ofNanos(System.nanoTime() - start).toMillis()
                + " ms");
    }

    @Test
    void read_smallLimitExceeded_refusedAsTooLarge() {
        byte[] xml = EInvoiceWriter.write(Samples.xrechnungReady(), EInvoiceProfile.EN16931_UBL);
        assertThrows(DocumentTooLargeException.class, () -> EInvoiceReader.withLimits(1000, 64).read(xml));
    }

    @Test
    void read_nestingDeeperThanTheLimit_refusedAsUnsafe() {
        String xml = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        UnsafeXmlException e = assertThrows(UnsafeXmlException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("64"), e.getMessage());
    }

    @Test
    void read_malformedXml_notReadableNamingLineAndColumn() {
        EInvoiceNotReadableException e = assertThrows(EInvoiceNotReadableException.class,
                () -> EInvoiceReader.standard().read("<Invoice><unclosed></Invoice>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void read_otherDocument_notReadableNamingTheRoot() {
        EInvoiceNotReadableException e = assertThrows(EInvoiceNotReadableException.class,
                () -> EInvoiceReader.standard().read("<Order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("{'urn:x'}'Order'"), e.getMessage());
    }

    @Test
    void read_hugeExponentAmount_notReadableNamingTheLocation() {
        String xml = new String(EInvoiceWriter.write(Samples.xrechnungReady(), EInvoiceProfile.EN16931_UBL),
                StandardCharsets.UTF_8).replaceAll("(<cbc:PayableAmount currencyID=\"EUR\">)[^<]*<", "$11e999999999<");
        EInvoiceNotReadableException e = assertThrows(EInvoiceNotReadableException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("PayableAmount") && e.getMessage().contains("1e999999999"),
                e.getMessage());
    }

    @Test
    void read_millionsOfTinyElements_refusedAsUnsafeBeforeTheTreeIsBuilt() {
        String xml = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">" + "<a/>".repeat(2_000_000)
                + "</Invoice>";
        UnsafeXmlException e = assertThrows(UnsafeXmlException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("more than 1048576 elements"), e.getMessage());
    }

    @Test
    void read_manyUnknownElements_firstHundredListedThenCounted() {
        String xml = new String(EInvoiceWriter.write(Samples.xrechnungReady(), EInvoiceProfile.EN16931_UBL),
                StandardCharsets.UTF_8).replace("<cbc:ID>INV-2026-0001</cbc:ID>",
                        "<cbc:ID>INV-2026-0001</cbc:ID>" + "<cbc:UUID>u</cbc:UUID>".repeat(50_000));
        ReadResult r = EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.warnings().size() == 101, "warnings: " + r.warnings().size());
        assertTrue(r.warnings().get(100).message().startsWith("49900 more elements"), r.warnings().get(100).message());
    }

    @Test
    void read_controlCharactersInsideTheDtd_typedRefusal() {
        // found by the fuzzer: the JDK's StAX reader fails on this with MissingResourceException
        byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"fi\u001e\u0000\u0000c/passwd\">]>"
                + "<Invoice/>").getBytes(StandardCharsets.UTF_8);
        assertThrows(EInvoiceNotReadableException.class, () -> EInvoiceReader.standard().read(xml));
    }

    @Test
    void read_unboundPrefixWithALongName_messageStaysShort() {
        // found by the fuzzer: the parser's message quoted the 1,000-character prefix in full
        String xml = "<Invoice><" + "j".repeat(1000) + "cbc:Percent/></Invoice>";
        EInvoiceNotReadableException e = assertThrows(EInvoiceNotReadableException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().length() <= 300, e.getMessage());
    }

    @Test
    void read_unknownElementWithALongName_locationStaysShort() {
        String xml = new String(EInvoiceWriter.write(Samples.xrechnungReady(), EInvoiceProfile.EN16931_UBL),
                StandardCharsets.UTF_8).replace("<cbc:ID>INV-2026-0001</cbc:ID>",
                        "<cbc:ID>INV-2026-0001</cbc:ID><cbc:" + "x".repeat(900) + "/>");
        ReadResult r = EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.warnings().get(0).location().length() <= 150, r.warnings().get(0).location());
    }

    @Test
    void read_unknownEncoding_typedRefusal() {
        // found by the fuzzer: UnsupportedEncodingException escaped as UncheckedIOException
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-9\"?><Invoice/>".getBytes(StandardCharsets.UTF_8);
        EInvoiceNotReadableException e = assertThrows(EInvoiceNotReadableException.class,
                () -> EInvoiceReader.standard().read(xml));
        assertTrue(e.getMessage().contains("UTF-9"), e.getMessage());
    }

    @Test
    void withLimits_zero_refused() {
        assertThrows(dev.billops.core.error.InvalidInputException.class, () -> EInvoiceReader.withLimits(0, 10));
    }
}
