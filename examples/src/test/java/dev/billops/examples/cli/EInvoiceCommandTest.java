package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.party.Actor;
import dev.billops.einvoice.EInvoiceReader;
import dev.billops.einvoice.model.Attachment;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code einvoice} and {@code einvoice-validate} on the demo's database, and the demo's e-invoices. */
class EInvoiceCommandTest {

    @TempDir
    static Path dir;

    static String url;
    static String acmeNumber;

    @BeforeAll
    static void demo() throws IOException {
        url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun run = CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--no-calendar").expect(0);
        assertTrue(run.out().contains("E-invoices for acme: einvoices/"), run.out());
        try (Stream<Path> files = Files.list(dir.resolve("out/einvoices"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            acmeNumber = names.get(0).substring(0, names.get(0).indexOf("-facturx.pdf"));
        }
    }

    @Test
    void demo_writesAValidXRechnungAndAValidFacturXForTheGermanClient() {
        Path xml = dir.resolve("out/einvoices/" + acmeNumber + "-xrechnung.xml");
        Path pdf = dir.resolve("out/einvoices/" + acmeNumber + "-facturx.pdf");
        CliRun x = CliRun.of("einvoice-validate", xml.toString()).expect(0);
        assertTrue(x.out().contains(": valid against de.xrechnung:ubl-invoice:3.0.2"), x.out());
        CliRun f = CliRun.of("einvoice-validate", pdf.toString()).expect(0);
        assertTrue(f.out().contains(": valid against eu.cen.en16931:cii:1.3.16"), f.out());
    }

    /** The number of an issued invoice of the demo's US client, which has no buyer reference stored. */
    private static String globexNumber() {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            TenantBilling t = Billing.builder().stores(store).build().tenant(TenantId.of("northwind"),
                    Actor.system("test"));
            return t.invoices().list(InvoiceQuery.all()).stream()
                    .filter(i -> i.clientId().equals(ClientId.of("globex")) && i.type() == DocumentType.INVOICE
                            && i.number() != null)
                    .map(Invoice::number).findFirst().orElseThrow();
        }
    }

    @Test
    void einvoice_xrechnungWithoutBuyerReference_refusedListingTheMissingTermsAndWritesNothing() {
        Path out = dir.resolve("missing.xml");
        CliRun run = CliRun.of("einvoice", "--db", url, "--number", globexNumber(), "--profile", "xrechnung-ubl",
                "--out", out.toString()).expect(BillOpsCli.EXIT_FAILED);
        assertTrue(run.err().contains("BT-10 buyer reference"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void einvoice_everyXmlProfileFromTheStoredTermsAlone_writesADocumentThatValidates() {
        for (String profile : List.of("xrechnung-ubl", "xrechnung-cii", "peppol", "en16931-ubl", "en16931-cii")) {
            Path out = dir.resolve("stored-" + profile + ".xml");
            CliRun.of("einvoice", "--db", url, "--number", acmeNumber, "--profile", profile, "--out", out.toString())
                    .expect(0);
            CliRun v = CliRun.of("einvoice-validate", out.toString()).expect(0);
            assertTrue(v.out().contains(": valid against"), profile + ": " + v.out());
        }
    }

    @Test
    void einvoice_endpointWithUnknownScheme_refusedNamingTheSchemeAndWritesNothing() {
        Path out = dir.resolve("bad-scheme.xml");
        CliRun run = CliRun.of("einvoice", "--db", url, "--number", acmeNumber, "--profile", "peppol", "--out",
                out.toString(), "--buyer-endpoint", "XX:123").expect(BillOpsCli.EXIT_USAGE);
        assertTrue(run.err().contains("--buyer-endpoint") && run.err().contains("'XX'"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void einvoice_everyXmlProfileWithTheTermsOverridden_writesADocumentThatValidates() {
        for (String profile : List.of("xrechnung-ubl", "xrechnung-cii", "peppol", "en16931-ubl", "en16931-cii")) {
            Path out = dir.resolve(profile + ".xml");
            CliRun.of("einvoice", "--db", url, "--number", acmeNumber, "--profile", profile, "--out", out.toString(),
                    "--buyer-reference", "ACME-KST-4711", "--seller-contact", "Billing office", "--seller-phone",
                    "+49 30 5550 1234", "--seller-endpoint", "9930:DE811907980", "--buyer-endpoint",
                    "0088:4000001123452").expect(0);
            CliRun v = CliRun.of("einvoice-validate", out.toString()).expect(0);
            assertTrue(v.out().contains(": valid against"), profile + ": " + v.out());
        }
    }

    @Test
    void einvoice_facturx_writesAPdfWhoseXmlValidates() throws IOException {
        Path out = dir.resolve("facturx.pdf");
        CliRun run = CliRun.of("einvoice", "--db", url, "--number", acmeNumber, "--profile", "facturx", "--out",
                out.toString()).expect(0);
        assertTrue(run.out().startsWith("wrote " + out + " (Factur-X EN 16931 of invoice " + acmeNumber), run.out());
        assertTrue(new String(Files.readAllBytes(out), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"));
        CliRun.of("einvoice-validate", out.toString()).expect(0);
    }

    @Test
    void einvoiceValidate_changedTotal_failsNamingBrCo16() throws IOException {
        Path good = dir.resolve("out/einvoices/" + acmeNumber + "-xrechnung.xml");
        String xml = Files.readString(good).replaceAll("(<cbc:PayableAmount currencyID=\"EUR\">)[^<]*<", "$11.00<");
        Path bad = Files.writeString(dir.resolve("bad.xml"), xml);
        CliRun run = CliRun.of("einvoice-validate", bad.toString()).expect(BillOpsCli.EXIT_FAILED);
        assertTrue(run.out().contains("BR-CO-16"), run.out());
        assertTrue(run.out().contains(": INVALID against"), run.out());
    }

    @Test
    void einvoice_attachPdf_everyXmlProfileCarriesTheInvoicePdfAndValidates() throws IOException {
        for (String profile : List.of("xrechnung-ubl", "xrechnung-cii", "peppol", "en16931-ubl", "en16931-cii")) {
            Path out = dir.resolve("attached-" + profile + ".xml");
            CliRun.of("einvoice", "--db", url, "--number", acmeNumber, "--profile", profile, "--out", out.toString(),
                    "--attach-pdf").expect(0);
            CliRun v = CliRun.of("einvoice-validate", out.toString()).expect(0);
            assertTrue(v.out().contains(": valid against"), profile + ": " + v.out());

            List<Attachment> attachments = EInvoiceReader.standard().read(Files.readAllBytes(out)).invoice()
                    .attachments();
            assertEquals(1, attachments.size(), profile);
            Attachment pdf = attachments.get(0);
            assertEquals(acmeNumber, pdf.id(), profile);
            assertEquals("application/pdf", pdf.mimeCode(), profile);
            assertEquals(acmeNumber.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf", pdf.filename(), profile);
            try (PDDocument doc = Loader.loadPDF(java.util.Objects.requireNonNull(pdf.content()))) {
                assertTrue(new PDFTextStripper().getText(doc).contains(acmeNumber), profile);
            }
        }
    }

    @Test
    void einvoice_attachPdfWithFacturX_usageErrorAndWritesNothing() {
        Path out = dir.resolve("attached-facturx.pdf");
        CliRun run = CliRun.of("einvoice", "--db", url, "--number", acmeNumber, "--profile", "facturx", "--out",
                out.toString(), "--attach-pdf").expect(BillOpsCli.EXIT_USAGE);
        assertTrue(run.err().contains("--attach-pdf"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void einvoice_unknownProfile_usageError() {
        CliRun run = CliRun.of("einvoice", "--db", url, "--number", acmeNumber, "--profile", "ubl", "--out",
                dir.resolve("x.xml").toString()).expect(BillOpsCli.EXIT_USAGE);
        assertTrue(run.err().contains("unknown profile 'ubl'"), run.err());
    }

    @Test
    void einvoiceValidate_externalEntity_refused() throws IOException {
        Path hostile = Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">"
                + "&e;</Invoice>");
        CliRun run = CliRun.of("einvoice-validate", hostile.toString()).expect(BillOpsCli.EXIT_FAILED);
        assertTrue(run.err().contains("DOCTYPE"), run.err());
        assertFalse(run.err().contains("root:"), run.err());
    }
}
