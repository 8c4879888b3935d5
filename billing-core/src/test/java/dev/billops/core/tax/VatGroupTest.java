package dev.billops.core.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class VatGroupTest {

    @Test
    void of_equalRatesWrittenDifferently_oneGroupWrittenPlain() {
        VatGroup nineteen = VatGroup.of(TaxTreatment.standard(new BigDecimal("19")));
        assertEquals(nineteen, new VatGroup(TaxCategory.S, new BigDecimal("19.000")));
        assertEquals(nineteen, VatGroup.of(new TaxSubtotal(TaxCategory.S, new BigDecimal("19.00"),
                Money.of("EUR", "100.00"), Money.of("EUR", "19.00"), null)));
        assertEquals("S/19", nineteen.toString());
        VatGroup twenty = new VatGroup(TaxCategory.S, new BigDecimal("2E+1"));
        assertEquals(VatGroup.of(TaxTreatment.standard(new BigDecimal("20.0"))), twenty);
        assertEquals("S/20", twenty.toString());
        assertEquals("O/", VatGroup.of(TaxTreatment.outOfScope("not subject")).toString());
    }

    @Test
    void contains_treatmentOfSameCategoryAndRate_trueWhateverTheScaleOrReason() {
        VatGroup group = new VatGroup(TaxCategory.S, new BigDecimal("7.00"));
        assertTrue(group.contains(TaxTreatment.standard(new BigDecimal("7"))));
        assertTrue(group.contains(TaxTreatment.standard(new BigDecimal("7.000"))));
        assertFalse(group.contains(TaxTreatment.standard(new BigDecimal("7.5"))));
        assertFalse(group.contains(new TaxTreatment(TaxCategory.L, new BigDecimal("7"), null)));
        VatGroup exempt = VatGroup.of(TaxTreatment.exempt("Art. 132"));
        assertTrue(exempt.contains(TaxTreatment.exempt("another reason")));
        assertFalse(exempt.contains(TaxTreatment.zeroRated()));
        assertTrue(VatGroup.of(TaxTreatment.outOfScope("a")).contains(TaxTreatment.outOfScope("b")));
    }

    @Test
    void calculate_ratesWrittenDifferently_oneBreakdownGroupWithTheFirstReason() {
        TaxTreatment e1 = new TaxTreatment(TaxCategory.E, new BigDecimal("0.00"), "Art. 132");
        TaxTreatment e2 = new TaxTreatment(TaxCategory.E, BigDecimal.ZERO, "other reason");
        TaxResult r = TaxCalculator.calculate(Money.of("EUR", "1").currency(), List.of(
                new TaxableAmount(Money.of("EUR", "100.00"), TaxTreatment.standard(new BigDecimal("19"))),
                new TaxableAmount(Money.of("EUR", "50.00"), e1),
                new TaxableAmount(Money.of("EUR", "100.00"), TaxTreatment.standard(new BigDecimal("19.00"))),
                new TaxableAmount(Money.of("EUR", "50.00"), e2)),
                List.of(new TaxableAmount(Money.of("EUR", "-10.00"), TaxTreatment.standard(new BigDecimal("1.9E+1")))),
                PriceBasis.NET, TaxRoundingPolicy.PER_GROUP, null);
        assertEquals(2, r.breakdown().size(), r.breakdown().toString());
        TaxSubtotal s = r.breakdown().get(0);
        assertEquals(Money.of("EUR", "190.00"), s.taxableAmount());
        assertEquals(Money.of("EUR", "36.10"), s.taxAmount());
        assertEquals("Art. 132", r.breakdown().get(1).exemptionReason());
    }
}
