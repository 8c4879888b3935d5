package dev.billops.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceReader;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.ReadResult;
import dev.billops.einvoice.Syntax;
import dev.billops.einvoice.model.EInvoice;

/**
 * The e-invoice reader (UBL and CII into the EN 16931 model, behind the hardened parser) with
 * hostile bytes: a document is read or refused with a typed exception, and a document that was
 * read writes back (or is refused for missing terms) to XML that reads as the same model.
 */
class EInvoiceReaderFuzzTest {

    /** Small limits, so that the fuzzer explores structure rather than size. */
    private static final EInvoiceReader READER = EInvoiceReader.withLimits(256 * 1024, 32);

    @FuzzTest(maxDuration = "5m")
    void read_anyBytes_modelOrTypedRefusalAndAStableRoundTrip(byte[] input) {
        ReadResult read;
        try {
            read = READER.read(input);
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
            return;
        }
        EInvoiceProfile profile = read.syntax() == Syntax.UBL ? EInvoiceProfile.EN16931_UBL
                : EInvoiceProfile.EN16931_CII;
        byte[] written;
        try {
            written = EInvoiceWriter.write(read.invoice(), profile);
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
            return;
        }
        EInvoice expected = read.invoice().withSpecification(profile.specificationId(), profile.processId());
        EInvoice again = READER.read(written).invoice();
        if (!again.equals(expected)) {
            throw new AssertionError("write → read changed the model:\n" + expected + "\n" + again);
        }
    }
}
