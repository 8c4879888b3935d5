package dev.billops.core.invoice;

import static dev.billops.core.invoice.LifecycleFixture.VAT19;
import static dev.billops.core.invoice.LifecycleFixture.eur;
import static dev.billops.core.invoice.LifecycleFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.memory.StoreSnapshot;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.party.Address;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxCategoryRuleViolationException;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * VAT category B (split payment) through the invoice service: issued between Italian parties,
 * refused with the rule that names why (BR-B-01, BR-B-02) otherwise, and nothing stored then.
 */
class SplitPaymentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Address MILANO = Address.of("Via Dante 12", "20121", "Milano", "IT");
    private static final Address ROMA = Address.of("Via del Corso 1", "00186", "Roma", "IT");
    private static final Address WIEN = Address.of("Ring 1", "1010", "Wien", "AT");
    private static final TaxTreatment SPLIT22 = TaxTreatment.splitPayment(new BigDecimal("22"));

    private final LifecycleFixture italian = new LifecycleFixture(TODAY, NumberingPolicy.defaults(), "IT01234567897",
            MILANO);

    @Test
    void issue_domesticItalian_taxedAtRateAndPayableIncludesVat() {
        ClientId comune = italian.client("comune", 30, "IT00218760167", ROMA);
        Invoice inv = italian.issued(comune, line("12", "85.00", SPLIT22), line("1", "10.01", SPLIT22));
        TaxSubtotal group = inv.taxBreakdown().get(0);
        assertEquals(1, inv.taxBreakdown().size());
        assertEquals(TaxCategory.B, group.category());
        assertEquals(eur("1030.01"), group.taxableAmount());
        assertEquals(eur("226.60"), group.taxAmount()); // 1030.01 × 22 % = 226.6022
        assertEquals(eur("1256.61"), inv.totals().payable());
    }

    @Test
    void issue_foreignBuyer_BR_B_01_namesCountriesAndStoresNothing() {
        ClientId austrian = italian.client("wien", 30, "ATU12345678", WIEN);
        Invoice d = italian.draft(austrian, line("1", "100.00", SPLIT22));
        StoreSnapshot before = italian.snapshot();
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> italian.lifecycle.issue(d.id()));
        assertEquals("BR-B-01", e.ruleId());
        assertEquals(TaxCategory.B, e.category());
        assertTrue(e.getMessage().contains("seller country is IT, buyer country AT"), e.getMessage());
        assertEquals(before, italian.snapshot());
    }

    @Test
    void issue_foreignSeller_BR_B_01() {
        LifecycleFixture german = new LifecycleFixture(TODAY);
        ClientId comune = german.client("comune", 30, "IT00218760167", ROMA);
        Invoice d = german.draft(comune, line("1", "100.00", SPLIT22));
        StoreSnapshot before = german.snapshot();
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> german.lifecycle.issue(d.id()));
        assertEquals("BR-B-01", e.ruleId());
        assertTrue(e.getMessage().contains("seller country is DE"), e.getMessage());
        assertEquals(before, german.snapshot());
    }

    @Test
    void issue_splitPaymentBesideStandardRated_BR_B_02_storesNothing() {
        ClientId comune = italian.client("comune", 30, "IT00218760167", ROMA);
        Invoice d = italian.draft(comune, line("1", "100.00", SPLIT22), line("1", "50.00", VAT19));
        StoreSnapshot before = italian.snapshot();
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> italian.lifecycle.issue(d.id()));
        assertEquals("BR-B-02", e.ruleId());
        assertEquals(before, italian.snapshot());
    }

    @Test
    void splitPayment_zeroRate_refusedNamingTheRate() {
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> TaxTreatment.splitPayment(BigDecimal.ZERO));
        assertEquals("BT-152", e.ruleId());
        assertTrue(e.getMessage().contains("got 0 %"), e.getMessage());
    }
}
