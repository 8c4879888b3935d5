package dev.billops.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.Duration;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/**
 * A zero written with a huge scale ({@code 0e-999999999}) needs no decimals, so the bounds accept
 * it; the value must then be kept at a bounded scale, or printing it expands a billion zeros (the
 * JSON fuzzer found this through {@code UnitPrice}).
 */
class ZeroWithHugeScaleTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @Test
    void unitPrice_zeroWithHugeScale_keptAtBoundedScale() {
        UnitPrice price = assertTimeoutPreemptively(QUICKLY, () -> UnitPrice.of(EUR, "0e-999999999"));
        assertEquals(0, price.amount().signum());
        assertTrue(price.amount().scale() <= UnitPrice.MAX_SCALE, "scale " + price.amount().scale());
        assertTimeoutPreemptively(QUICKLY, () -> price.amount().toPlainString());
        UnitPrice trailing = UnitPrice.of(EUR, new BigDecimal("1.5").setScale(40));
        assertEquals("1.500000000000000000", trailing.amount().toPlainString());
        assertEquals(UnitPrice.MAX_SCALE, trailing.amount().scale());
    }

    @Test
    void taxRate_zeroWithHugeScale_printsQuickly() {
        BigDecimal zero = new BigDecimal("0e-999999999");
        try {
            TaxTreatment t = assertTimeoutPreemptively(QUICKLY, () -> new TaxTreatment(dev.billops.core.tax.TaxCategory.Z, zero, null));
            assertTimeoutPreemptively(QUICKLY, () -> t.toString());
        } catch (dev.billops.core.error.BillingException refused) {
            assertTimeoutPreemptively(QUICKLY, () -> refused.getMessage());
        }
    }
}
