package dev.billops.core.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LineDetailsTest {

    private static InvoiceLine line() {
        return InvoiceLine.of("Cable", BigDecimal.ONE, UnitCode.KILOGRAM, UnitPrice.of("EUR", "24.00"),
                TaxTreatment.zeroRated());
    }

    @Test
    void withers_setEachTerm_andTheLineKeepsThemThroughItsOwnWithers() {
        LineDetails d = LineDetails.NONE.withNote("n").withObjectId("o", "AAJ").withOrderLineReference("3")
                .withAccountingReference("a").withItemIds("s", "b").withStandardItemId("4000862141404", "0160")
                .withClassification("43211503", "STI", null).withClassification("x", "CV", "1")
                .withOriginCountry("DE").withAttribute("k", "v").withPriceBeforeDiscount(UnitPrice.of("EUR", "30"));
        assertEquals(List.of(new LineDetails.Classification("43211503", "STI", null),
                new LineDetails.Classification("x", "CV", "1")), d.classifications());
        InvoiceLine l = line().withDetails(d).withTax(TaxTreatment.standard(new BigDecimal("19"))).withPeriod(null);
        assertEquals(d, l.details());
        assertEquals(LineDetails.NONE, line().details());
    }

    @Test
    void badTerms_refusedNamingTermAndValue() {
        List<Supplier<Object>> bad = List.of(
                () -> LineDetails.NONE.withNote(" "),
                () -> LineDetails.NONE.withObjectId(null, "AAJ"),
                () -> LineDetails.NONE.withObjectId("o", "aaj"),
                () -> LineDetails.NONE.withStandardItemId("4000862141404", null),
                () -> LineDetails.NONE.withStandardItemId("4000862141404", "9999"),
                () -> LineDetails.NONE.withStandardItemId(null, "0160"),
                () -> LineDetails.NONE.withClassification("c", "sti", null),
                () -> LineDetails.NONE.withClassification("", "STI", null),
                () -> LineDetails.NONE.withOriginCountry("Germany"),
                () -> LineDetails.NONE.withAttribute("k", "  "));
        for (Supplier<Object> s : bad) {
            InvalidBusinessTermException e = assertThrows(InvalidBusinessTermException.class, s::get);
            assertTrue(e.getMessage().contains(e.term()), e.getMessage());
            assertTrue(e.getMessage().contains("'" + e.value().substring(0, Math.min(5, e.value().length()))),
                    e.getMessage());
        }
    }

    @Test
    void priceBeforeDiscount_belowPriceOrOtherCurrency_refused() {
        InvalidBusinessTermException e = assertThrows(InvalidBusinessTermException.class, () -> line()
                .withDetails(LineDetails.NONE.withPriceBeforeDiscount(UnitPrice.of("EUR", "23.99"))));
        assertTrue(e.getMessage().contains("23.99") && e.getMessage().contains("24.00"), e.getMessage());
        assertThrows(CurrencyMismatchException.class, () -> line()
                .withDetails(LineDetails.NONE.withPriceBeforeDiscount(UnitPrice.of("USD", "30"))));
    }

    @Test
    void reasonCodes_ofTheirKindsList_keptThroughAmountAndBase() {
        dev.billops.core.money.Money eur100 = dev.billops.core.money.Money.of("EUR", "100.00");
        AllowanceCharge discount = AllowanceCharge.allowancePercent(BigDecimal.TEN, eur100, "loyalty").withReasonCode("95");
        assertEquals("95", discount.reasonCode());
        assertEquals("95", discount.withBase(eur100.times(2)).reasonCode());
        assertEquals("95", discount.withAmount(eur100).reasonCode());
        assertEquals("FC", AllowanceCharge.charge(eur100, "freight").withReasonCode("FC").reasonCode());
        InvalidBusinessTermException wrongKind = assertThrows(InvalidBusinessTermException.class,
                () -> AllowanceCharge.allowance(eur100, "freight").withReasonCode("FC"));
        assertTrue(wrongKind.getMessage().contains("'FC'") && wrongKind.getMessage().contains("5189"),
                wrongKind.getMessage());
        assertThrows(InvalidBusinessTermException.class, () -> AllowanceCharge.charge(eur100, "x").withReasonCode("95"));
    }
}
