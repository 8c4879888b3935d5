package dev.billops.core.memory;

import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.PrepaymentDeduction;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Invoices with unique indexes on (series, number) and (engagement, package period start), and
 * the time entries each issued invoice bills ({@link #billedEntries}).
 */
final class InvoiceTable extends Table<InvoiceId, Invoice> {

    /** Ordered by number first so that a lookup by number alone is a ceiling search. */
    record NumberKey(String number, String series) implements Comparable<NumberKey> {
        @Override
        public int compareTo(NumberKey o) {
            int c = number.compareTo(o.number);
            return c != 0 ? c : series.compareTo(o.series);
        }
    }

    record PeriodKey(EngagementId engagement, LocalDate periodStart) {
    }

    private final TreeMap<NumberKey, InvoiceId> byNumber = new TreeMap<>();
    private final Map<PeriodKey, InvoiceId> byPeriod = new HashMap<>();
    private final Map<TimeEntryId, InvoiceId> byEntry = new HashMap<>();
    private final Map<InvoiceId, InvoiceId> byPrepayment = new HashMap<>();

    InvoiceTable(UndoLog undo) {
        super(Invoice::id, undo);
    }

    @Nullable InvoiceId idOfNumber(String series, String number) {
        return byNumber.get(new NumberKey(number, series));
    }

    /** The invoice with {@code number} in the lowest series that has it. */
    @Nullable InvoiceId idOfNumber(String number) {
        Map.Entry<NumberKey, InvoiceId> e = byNumber.ceilingEntry(new NumberKey(number, ""));
        return e != null && e.getKey().number().equals(number) ? e.getValue() : null;
    }

    @Nullable InvoiceId idOfPeriod(EngagementId engagement, LocalDate periodStart) {
        return byPeriod.get(new PeriodKey(engagement, periodStart));
    }

    /** The issued invoice that bills {@code entry}, if any. */
    @Nullable InvoiceId idOfEntry(TimeEntryId entry) {
        return byEntry.get(entry);
    }

    /** The issued invoice that deducts prepayment invoice {@code prepayment}, if any. */
    @Nullable InvoiceId idOfPrepayment(InvoiceId prepayment) {
        return byPrepayment.get(prepayment);
    }

    /**
     * The prepayment invoices {@code invoice} deducts while it is stored: those it names if it is
     * issued (not a draft and not void), none otherwise.
     */
    static Set<InvoiceId> deductedPrepayments(Invoice invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT || invoice.status() == InvoiceStatus.VOID) {
            return Set.of();
        }
        Set<InvoiceId> ids = new LinkedHashSet<>();
        for (PrepaymentDeduction d : invoice.prepayments()) {
            ids.add(d.invoiceId());
        }
        return ids;
    }

    /**
     * The time entries {@code invoice} bills while it is stored: those of its lines if it is an
     * issued invoice (not a draft, a void invoice or a credit note), none otherwise.
     */
    static Set<TimeEntryId> billedEntries(Invoice invoice) {
        if (invoice.type().isCreditNote() || invoice.status() == InvoiceStatus.DRAFT
                || invoice.status() == InvoiceStatus.VOID) {
            return Set.of();
        }
        Set<TimeEntryId> ids = new LinkedHashSet<>();
        for (InvoiceLine line : invoice.lines()) {
            ids.addAll(line.entryIds());
        }
        return ids;
    }

    static @Nullable PeriodKey periodKey(Invoice invoice) {
        return invoice.engagementId() == null || invoice.packagePeriodStart() == null ? null
                : new PeriodKey(invoice.engagementId(), invoice.packagePeriodStart());
    }

    @Override
    void indexed(Invoice row) {
        if (row.number() != null) {
            byNumber.put(new NumberKey(row.number(), row.series()), row.id());
        }
        PeriodKey pk = periodKey(row);
        if (pk != null) {
            byPeriod.put(pk, row.id());
        }
        for (TimeEntryId entry : billedEntries(row)) {
            byEntry.put(entry, row.id());
        }
        for (InvoiceId prepayment : deductedPrepayments(row)) {
            byPrepayment.put(prepayment, row.id());
        }
    }

    @Override
    void unindexed(Invoice row) {
        if (row.number() != null) {
            byNumber.remove(new NumberKey(row.number(), row.series()), row.id());
        }
        PeriodKey pk = periodKey(row);
        if (pk != null) {
            byPeriod.remove(pk, row.id());
        }
        for (TimeEntryId entry : billedEntries(row)) {
            byEntry.remove(entry, row.id());
        }
        for (InvoiceId prepayment : deductedPrepayments(row)) {
            byPrepayment.remove(prepayment, row.id());
        }
    }
}
