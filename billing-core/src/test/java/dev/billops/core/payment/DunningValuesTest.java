package dev.billops.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** Pure value tests of the reminder schedule, late-fee policy and payment policy. */
class DunningValuesTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final LocalDate DUE = LocalDate.of(2026, 2, 4);

    private static Invoice issued(String amount) {
        return Transitions.issuedAs(Invoice.draft(InvoiceId.of("inv-1"), ClientId.of("acme"), EUR, InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Work", BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(EUR, amount),
                        TaxTreatment.zeroRated()))), "INV-7", LocalDate.of(2026, 1, 5), DUE);
    }

    @Test
    void stepOn_beforeFirstStep_empty_thenLatestStepThatHasCome() {
        ReminderSchedule s = ReminderSchedule.standard();
        assertEquals(Optional.empty(), s.stepOn(DUE, DUE.minusDays(4)));
        assertEquals("before-3", s.stepOn(DUE, DUE.minusDays(3)).orElseThrow().name());
        assertEquals("due", s.stepOn(DUE, DUE).orElseThrow().name());
        assertEquals("due", s.stepOn(DUE, DUE.plusDays(6)).orElseThrow().name());
        assertEquals("after-7", s.stepOn(DUE, DUE.plusDays(7)).orElseThrow().name());
        assertEquals("after-30", s.stepOn(DUE, DUE.plusDays(400)).orElseThrow().name());
        assertEquals(Optional.empty(), ReminderSchedule.none().stepOn(DUE, DUE.plusDays(400)));
    }

    @Test
    void schedule_duplicateOffsetOrReservedName_throwsInvalidInput() {
        assertThrows(InvalidInputException.class,
                () -> ReminderSchedule.of(ReminderStep.after(7), new ReminderStep("week", 7)));
        assertThrows(InvalidInputException.class, () -> new ReminderStep(ReminderStep.OVERDUE_MARKER, 3));
        assertThrows(InvalidInputException.class, () -> new ReminderStep("Bad Name", 3));
        assertThrows(InvalidInputException.class, () -> ReminderStep.before(0));
    }

    @Test
    void lateFeePolicy_invalidValues_throwSpecificExceptions() {
        assertThrows(InvalidInputException.class, () -> LateFeePolicy.percentage(BigDecimal.ZERO));
        assertThrows(InvalidInputException.class, () -> LateFeePolicy.percentage(new BigDecimal("100.01")));
        assertThrows(InvalidInputException.class, () -> LateFeePolicy.fixed(Money.zero(EUR)));
        assertThrows(InvalidInputException.class, () -> LateFeePolicy.fixed(Money.of(EUR, "5.00")).withGraceDays(-1));
        assertThrows(CurrencyMismatchException.class,
                () -> LateFeePolicy.fixed(Money.of(EUR, "5.00")).withCap(Money.of("USD", "50.00")));
    }

    @Test
    void draftFor_notOverdueOrWithinGrace_empty_afterGrace_draftForTheBalance() {
        Invoice inv = issued("200.00");
        LateFeePolicy policy = LateFeePolicy.percentage(new BigDecimal("2.5")).withGraceDays(10);

        assertTrue(policy.draftFor(inv, DUE).isEmpty());
        assertTrue(policy.draftFor(inv, DUE.plusDays(10)).isEmpty());
        Invoice draft = policy.draftFor(inv, DUE.plusDays(11)).orElseThrow();

        assertEquals(Money.of(EUR, "5.00"), draft.totals().payable());                 // 2.5 % of 200.00
        assertEquals(InvoiceSource.LATE_FEE, draft.source());
        assertTrue(draft.isDraft());
        assertEquals("inv-1", draft.metadata().get(LateFeePolicy.METADATA_KEY));
        assertTrue(draft.lines().get(0).description().contains("INV-7"));
        assertTrue(policy.draftFor(Transitions.withSettlement(inv, inv.totals().payable(), Money.zero(EUR)),
                DUE.plusDays(30))
                .isEmpty());
    }

    @Test
    void paymentPolicy_explicitDefaultOrRetriesOutOfRange_throwInvalidInput() {
        assertThrows(InvalidInputException.class,
                () -> PaymentPolicy.defaults().withDefaultAllocation(AllocationMode.EXPLICIT));
        assertThrows(InvalidInputException.class, () -> PaymentPolicy.defaults().withConflictRetries(-1));
        assertEquals(AllocationMode.NONE,
                PaymentPolicy.defaults().withDefaultAllocation(AllocationMode.NONE).defaultAllocation());
    }
}
