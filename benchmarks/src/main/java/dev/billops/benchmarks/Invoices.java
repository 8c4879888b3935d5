package dev.billops.benchmarks;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Invoices of known shape for the totals, PDF and persistence cases. */
final class Invoices {

    /** The three rates of case 2: 19 %, 7 % and zero-rated. */
    static final List<TaxTreatment> THREE_RATES = List.of(TaxTreatment.standard(new BigDecimal("19")),
            TaxTreatment.standard(new BigDecimal("7")), TaxTreatment.zeroRated());
    static final Client CLIENT = Client.of(ClientId.of("globex"), "Globex Corporation", Workload.ADDRESS,
            Workload.EUR);

    private Invoices() {
    }

    /** {@code n} lines cycling through the three rates; quantities with 4 decimals, prices with 2. */
    static List<InvoiceLine> lines(int n) {
        List<InvoiceLine> lines = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            BigDecimal quantity = BigDecimal.valueOf(2_500 + (i * 7919L) % 60_000, 4);
            UnitPrice price = UnitPrice.of(Workload.EUR, BigDecimal.valueOf(4_999 + (i * 104_729L) % 15_000, 2));
            lines.add(InvoiceLine.of("Consulting, work package " + i + " (analysis, implementation, review)",
                    quantity, UnitCode.HOUR, price, THREE_RATES.get(i % 3)));
        }
        return lines;
    }

    /** A draft of {@code n} lines for the benchmark client, totals computed. */
    static Invoice draft(String id, int n) {
        return Invoice.draft(InvoiceId.of(id), CLIENT.id(), Workload.EUR, InvoiceSource.MANUAL).withLines(lines(n));
    }

    /** The draft issued with a number, dated 30 November 2026, due 30 days later. */
    static Invoice issued(String id, String number, int n) {
        LocalDate issue = LocalDate.of(2026, 11, 30);
        return Transitions.issuedAs(draft(id, n), number, issue, issue.plusDays(30));
    }
}
