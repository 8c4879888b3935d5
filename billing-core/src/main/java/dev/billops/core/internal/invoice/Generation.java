package dev.billops.core.internal.invoice;

import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.time.LocalDateRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;

/**
 * The outcome of {@link InvoiceGenerator#generate}: the lines, and for each line the billed
 * (rounded) time of its entries, which its quantity was derived from.
 *
 * @param clientId the client billed
 * @param currency the client's currency
 * @param servicePeriod the period billed
 * @param lines the lines, positions 1..n
 * @param billedTimes billed time per line, parallel to {@code lines}
 */
public record Generation(ClientId clientId, CurrencyUnit currency, LocalDateRange servicePeriod,
        List<InvoiceLine> lines, List<Duration> billedTimes) {

    public Generation {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(servicePeriod, "servicePeriod");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        billedTimes = List.copyOf(Objects.requireNonNull(billedTimes, "billedTimes"));
        if (lines.size() != billedTimes.size()) {
            throw new IllegalArgumentException(billedTimes.size() + " billed times for " + lines.size() + " lines");
        }
    }

    /** Whether there was nothing to bill. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The billed time of all lines. */
    public Duration totalBilledTime() {
        Duration sum = Duration.ZERO;
        for (Duration d : billedTimes) {
            sum = sum.plus(d);
        }
        return sum;
    }

    /** Every billed entry, line by line. */
    public List<TimeEntryId> entryIds() {
        List<TimeEntryId> ids = new ArrayList<>();
        for (InvoiceLine line : lines) {
            ids.addAll(line.entryIds());
        }
        return ids;
    }

    /** A DRAFT invoice with these lines and service period, its totals calculated. */
    public Invoice toDraft(InvoiceId id) {
        return Invoice.draft(id, clientId, currency, InvoiceSource.TIME_ENTRIES).withServicePeriod(servicePeriod)
                .withLines(lines);
    }
}
