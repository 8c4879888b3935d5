package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceReader;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.ReadResult;
import dev.billops.einvoice.Syntax;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated invoices and credit notes (every VAT category, allowances and
 * charges, EUR/JPY/HUF/BHD): every document the writers produce validates with no error against
 * the official rule sets of its profile, and write → read → write gives the same bytes, with
 * nothing left unread.
 */
class GeneratedInvoicesTest {

    /** Documents per profile (-Dbillops.einvoice.cases=N for more); each syntax gets 3 profiles × CASES. */
    static final int CASES = Integer.getInteger("billops.einvoice.cases", 35);

    private static EInvoiceValidator validator;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    @Test
    void write_generatedInvoicesEveryProfile_validateWithoutErrorAndRoundTripToTheSameXml() {
        long seed = Seeds.seed("GeneratedInvoicesTest");
        List<String> failures = new ArrayList<>();
        Map<Syntax, Integer> roundTrips = new EnumMap<>(Syntax.class);
        Map<String, Integer> labels = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            Generated.Case c = Generated.draw(seed, i);
            labels.merge(c.category() + " " + c.currency() + (c.creditNote() ? " CN" : ""), 1, Integer::sum);
            for (EInvoiceProfile profile : EInvoiceProfile.values()) {
                byte[] xml = EInvoiceWriter.write(c.invoice(), profile);
                ValidationReport report = validator.validate(xml, profile);
                for (Finding f : report.errors()) {
                    failures.add(c.label() + " " + profile + ": " + f);
                }
                ReadResult read = EInvoiceReader.standard().read(xml);
                assertEquals(profile.syntax(), read.syntax());
                if (!read.warnings().isEmpty()) {
                    failures.add(c.label() + " " + profile + ": unread " + read.warnings());
                }
                byte[] again = EInvoiceWriter.write(read.invoice(), profile);
                if (!java.util.Arrays.equals(xml, again)) {
                    failures.add(c.label() + " " + profile + ": round trip differs\n"
                            + new String(xml, StandardCharsets.UTF_8) + "\n---\n" + new String(again,
                                    StandardCharsets.UTF_8));
                } else {
                    roundTrips.merge(profile.syntax(), 1, Integer::sum);
                }
            }
        }
        System.out.println("GeneratedInvoicesTest cases: " + labels);
        assertTrue(failures.isEmpty(), "seed " + seed + ": " + failures.size() + " failures, first: "
                + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(roundTrips.get(Syntax.UBL) >= 30 && roundTrips.get(Syntax.CII) >= 30, roundTrips.toString());
    }

    @Test
    void read_generatedInvoice_equalsTheWrittenModelButForTheIdentifiers() {
        long seed = Seeds.seed("GeneratedInvoicesTest.model");
        for (int i = 0; i < 14; i++) {
            Generated.Case c = Generated.draw(seed, i);
            for (EInvoiceProfile profile : List.of(EInvoiceProfile.EN16931_UBL, EInvoiceProfile.EN16931_CII)) {
                ReadResult read = EInvoiceReader.standard().read(EInvoiceWriter.write(c.invoice(), profile));
                assertEquals(c.invoice().withSpecification(profile.specificationId(), profile.processId()),
                        read.invoice(), c.label() + " " + profile);
            }
        }
    }

    static void assertSameXml(byte[] expected, byte[] actual) {
        assertArrayEquals(expected, actual);
    }
}
