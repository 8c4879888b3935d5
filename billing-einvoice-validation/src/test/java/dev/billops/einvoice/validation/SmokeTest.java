package dev.billops.einvoice.validation;

import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        EInvoiceValidator v = EInvoiceValidator.create();
        for (int i = 0; i < 14; i++) {
            Generated.Case c = Generated.draw(1, i);
            for (EInvoiceProfile p : EInvoiceProfile.values()) {
                byte[] xml = EInvoiceWriter.write(c.invoice(), p);
                ValidationReport rep = v.validate(xml, p);
                for (Finding f : rep.errors()) {
                    System.out.println("SMOKE " + c.label() + " " + p + " " + f);
                }
                if (i == 0) {
                    System.out.println("WARN " + p + " " + rep.findings());
                }
            }
        }
    }
}
