package dev.billops.core.invoice;

import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.memory.StoreSnapshot;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeBillingFixture;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drafting a time draft again keeps what the host set on it beyond its time lines: the explicit
 * rounding amount (BT-114) and the amount declared paid outside it (BT-113), so the amount due
 * does not change behind the host's back; a declared amount the new lines no longer allow is
 * refused and the old draft stays.
 */
class RegenerateKeepsHostAmountsTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));

    @Test
    void regenerate_draftWithExplicitRoundingAndDeclaredPrepaid_keepsBoth() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        PayableRounding rounding = PayableRounding.amount(Money.of(EUR, "-0.30"));
        f.firm.invoices().payableRounding(draft.id(), rounding);
        f.firm.invoices().prepaid(draft.id(), Money.of(EUR, "50.00"));
        Invoice before = f.firm.invoices().get(draft.id());

        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "10:00"));
        Invoice again = f.firm.invoices().regenerate(draft.id(), DraftOptions.defaults()).orElseThrow();

        assertEquals(rounding, again.cashIncrement());
        assertEquals(Money.of(EUR, "-0.30"), again.totals().roundingAmount());
        assertEquals(again.totals().taxInclusive().plus(Money.of(EUR, "-0.30")), again.totals().payable());
        assertEquals(Money.of(EUR, "50.00"), again.prepaid());
        assertEquals(again, f.firm.invoices().get(again.id()));
        assertEquals(before.totals().taxInclusive().times(2), again.totals().taxInclusive());
    }

    @Test
    void regenerate_declaredPrepaidAboveTheNewLimit_refusedAndTheOldDraftStays() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        f.firm.invoices().prepaid(draft.id(), draft.totals().taxInclusive().times(Invoice.PREPAID_LIMIT_FACTOR));
        // 7 % instead of 19 %: the same hour drafted again totals less, below a tenth of the declared amount
        f.firm.profile().save(f.firm.profile().get().withDefaultVatRate("7"));
        StoreSnapshot before = f.snapshot();

        assertThrows(PrepaidOutOfRangeException.class,
                () -> f.firm.invoices().regenerate(draft.id(), DraftOptions.defaults()));

        assertEquals(before, f.snapshot());
    }

    @Test
    void regenerate_draftDeductingAPrepaymentInvoice_keepsTheDeduction() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice advanceDraft = f.firm.invoices().createDraft(ACME);
        f.firm.invoices().addLine(advanceDraft.id(), InvoiceLine.of("Advance", BigDecimal.ONE, UnitCode.PIECE,
                UnitPrice.of(EUR, "50.00"), TaxTreatment.standard(new BigDecimal("19"))));
        f.firm.invoices().documentType(advanceDraft.id(), DocumentType.PREPAYMENT);
        Invoice advance = f.firm.invoices().issue(advanceDraft.id());
        f.firm.payments().record(PaymentRequest.of(ACME, advance.totals().payable())
                .toInvoice(advance.id(), advance.totals().payable()));
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        Invoice chosen = f.firm.invoices().deductPrepayments(draft.id(), List.of(advance.id()));

        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "10:00"));
        Invoice again = f.firm.invoices().regenerate(draft.id(), DraftOptions.defaults()).orElseThrow();

        assertEquals(chosen.prepayments(), again.prepayments());
        Invoice issued = f.firm.invoices().issue(again.id());
        assertEquals(Money.of(EUR, "59.50"), issued.deducted());
        assertEquals(issued.totals().payable().minus(Money.of(EUR, "59.50")), issued.amountDue());
    }
}
