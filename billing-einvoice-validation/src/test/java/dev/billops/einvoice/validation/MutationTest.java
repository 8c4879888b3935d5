package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.Totals;
import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A document with one total changed is invalid, and the BR-CO rule of that total is the one that fires. */
class MutationTest {

    private static EInvoiceValidator validator;
    private static EInvoice valid;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
        valid = Generated.draw(7, 0).invoice();
    }

    @Test
    void validate_unchanged_valid() {
        for (EInvoiceProfile p : EInvoiceProfile.values()) {
            ValidationReport r = validator.validate(EInvoiceWriter.write(valid, p), p);
            assertTrue(r.isValid(), p + ": " + r.errors());
        }
    }

    @Test
    void validate_amountDueChanged_brCo16Fires() {
        mutated(t -> t.withPayable(t.payable().add(new BigDecimal("0.01"))), "BR-CO-16");
    }

    @Test
    void validate_lineTotalChanged_brCo10Fires() {
        mutated(t -> new Totals(t.lineNetTotal().add(BigDecimal.ONE), t.allowanceTotal(), t.chargeTotal(),
                t.taxExclusive(), t.taxTotal(), t.taxInclusive(), t.prepaid(), t.rounding(), t.payable()), "BR-CO-10");
    }

    @Test
    void validate_totalWithVatChanged_brCo15Fires() {
        mutated(t -> new Totals(t.lineNetTotal(), t.allowanceTotal(), t.chargeTotal(), t.taxExclusive(), t.taxTotal(),
                t.taxInclusive().add(BigDecimal.TEN), t.prepaid(), t.rounding(), t.payable().add(BigDecimal.TEN)),
                "BR-CO-15");
    }

    @Test
    void validate_taxTotalChanged_brCo14Fires() {
        mutated(t -> new Totals(t.lineNetTotal(), t.allowanceTotal(), t.chargeTotal(), t.taxExclusive(),
                t.taxTotal().add(BigDecimal.ONE), t.taxInclusive().add(BigDecimal.ONE), t.prepaid(), t.rounding(),
                t.payable().add(BigDecimal.ONE)), "BR-CO-14");
    }

    private static void mutated(UnaryOperator<Totals> change, String rule) {
        EInvoice bad = valid.withTotals(change.apply(valid.totals()));
        for (EInvoiceProfile p : EInvoiceProfile.values()) {
            ValidationReport r = validator.validate(EInvoiceWriter.write(bad, p), p);
            assertFalse(r.isValid(), p + " accepted a changed total");
            assertTrue(r.errors().stream().anyMatch(f -> f.ruleId().equals(rule)), p + ": " + rule
                    + " did not fire; errors " + r.errors());
        }
    }
}
