package dev.billops.core.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class InvoiceLinePositionTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");

    private static InvoiceLine line(String description) {
        return InvoiceLine.of(description, BigDecimal.ONE, UnitCode.HOUR, UnitPrice.of(EUR, "100.00"),
                TaxTreatment.standard(new BigDecimal("19")));
    }

    private static Invoice draft() {
        return Invoice.draft(InvoiceId.of("i"), ClientId.of("c"), EUR, InvoiceSource.MANUAL);
    }

    @Test
    void of_noPosition_lineIsNotOnADocument() {
        assertEquals(0, line("Consulting").position());
    }

    @Test
    void withLines_anyPositions_numbersLinesOneToNInOrder() {
        Invoice inv = draft().withLines(List.of(line("a"), line("b"), line("c")));

        assertEquals(List.of(1, 2, 3), inv.lines().stream().map(InvoiceLine::position).toList());
        assertEquals(List.of("a", "b", "c"), inv.lines().stream().map(InvoiceLine::description).toList());
        Invoice fewer = inv.withLines(List.of(inv.lines().get(2), inv.lines().get(0)));
        assertEquals(List.of(1, 2), fewer.lines().stream().map(InvoiceLine::position).toList());
        assertEquals(List.of("c", "a"), fewer.lines().stream().map(InvoiceLine::description).toList());
    }

    @Test
    void constructor_linesNotNumberedOneToN_throwsNamingThePosition() {
        Invoice inv = draft().withLines(List.of(line("a")));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Invoice(inv.id(), inv.type(),
                inv.series(), inv.number(), inv.clientId(), inv.currency(), inv.status(), inv.issueDate(),
                inv.dueDate(), inv.servicePeriod(), List.of(line("a")), inv.adjustments(), inv.priceBasis(),
                inv.taxRounding(), inv.cashIncrement(), inv.taxBreakdown(), inv.lineNets(), inv.totals(), inv.paid(),
                inv.credited(), inv.notes(), inv.metadata(), inv.source(), inv.engagementId(),
                inv.packagePeriodStart(), inv.creditedInvoiceId(), inv.purchaseOrderRef(), inv.version()));
        assertTrue(e.getMessage().contains("position 0"), e.getMessage());
    }

    @Test
    void constructor_negativePosition_throws() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new InvoiceLine(-1, "a",
                BigDecimal.ONE, UnitCode.HOUR, UnitPrice.of(EUR, "1.00"), BigDecimal.ONE, List.of(),
                TaxTreatment.zeroRated(), null, List.of(), null, null, null, null));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
