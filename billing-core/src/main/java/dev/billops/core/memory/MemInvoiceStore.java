package dev.billops.core.memory;

import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.error.DuplicateKeyException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import java.util.Optional;

final class MemInvoiceStore implements InvoiceStore {

    private static final String KIND = "invoice";
    /** The key kind a second deduction of one prepayment invoice clashes on (as in the JDBC store). */
    private static final String DEDUCTION_KIND = "prepayment deduction";

    /** Issue date with drafts (no date) last, then id. */
    static final Comparator<Invoice> ORDER = Comparator
            .comparing(Invoice::issueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Invoice::id);

    private final Session session;

    MemInvoiceStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        InvoiceTable t = session.state().invoices;
        requireEntriesFree(t, invoice, Set.of());
        requirePrepaymentsFree(t, invoice, Set.of());
        t.requireAbsent(invoice.id(), KIND);
        requireUniqueKeys(t, invoice);
        t.put(invoice);
        rememberVersions(invoice);
    }

    /** Checks every invoice (against the stored ones and the earlier ones of the list) before storing any. */
    @Override
    public void insertAll(List<Invoice> invoices) {
        Objects.requireNonNull(invoices, "invoices");
        List<Invoice> all = List.copyOf(invoices);
        InvoiceTable t = session.state().invoices;
        Set<InvoiceId> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<InvoiceTable.PeriodKey> periods = new HashSet<>();
        Set<TimeEntryId> billed = new HashSet<>();
        Set<InvoiceId> deducted = new HashSet<>();
        for (Invoice invoice : all) {
            billed.addAll(requireEntriesFree(t, invoice, billed));
            deducted.addAll(requirePrepaymentsFree(t, invoice, deducted));
            t.requireAbsent(invoice.id(), KIND);
            if (!ids.add(invoice.id())) {
                throw new DuplicateKeyException(KIND, invoice.id().value());
            }
            String number = invoice.number();
            if (number != null && !numbers.add(invoice.series() + " " + number)) {
                throw new DuplicateKeyException("invoice number", invoice.series() + " " + number);
            }
            InvoiceTable.PeriodKey period = InvoiceTable.periodKey(invoice);
            if (period != null && !periods.add(period)) {
                throw new DuplicateKeyException("package invoice of engagement period",
                        period.engagement() + " " + period.periodStart());
            }
            requireUniqueKeys(t, invoice);
        }
        for (Invoice invoice : all) {
            t.put(invoice);
            rememberVersions(invoice);
        }
    }

    /** Remembers the versions of a draft's entries (forgets them once it is issued). */
    private void rememberVersions(Invoice invoice) {
        TenantState state = session.state();
        if (!invoice.isDraft()) {
            if (state.draftedVersions.find(invoice.id()).isPresent()) {
                state.draftedVersions.remove(invoice.id());
            }
            return;
        }
        Map<TimeEntryId, Long> versions = new HashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            for (TimeEntryId id : line.entryIds()) {
                state.timeEntries.find(id).ifPresent(e -> versions.put(id, e.version()));
            }
        }
        state.draftedVersions.put(new TenantState.DraftedVersions(invoice.id(), Map.copyOf(versions)));
    }

    @Override
    public Invoice update(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        InvoiceTable t = session.state().invoices;
        Invoice stored = t.require(invoice.id(), KIND);
        Table.requireVersion(KIND, invoice.id(), stored.version(), invoice.version());
        requireEntriesFree(t, invoice, Set.of());
        requirePrepaymentsFree(t, invoice, Set.of());
        requireUniqueKeys(t, invoice);
        Invoice next = invoice.withVersion(stored.version() + 1);
        t.put(next);
        rememberVersions(next);
        return next;
    }

    @Override
    public void deleteDraft(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        InvoiceTable t = session.state().invoices;
        Invoice stored = t.require(id, KIND);
        if (!stored.isDraft()) {
            throw new InvoiceAlreadyIssuedException(id, stored.status());
        }
        t.remove(id);
        if (session.state().draftedVersions.find(id).isPresent()) {
            session.state().draftedVersions.remove(id);
        }
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return session.state().invoices.find(id);
    }

    @Override
    public Optional<Invoice> findByNumber(String number) {
        Objects.requireNonNull(number, "number");
        InvoiceTable t = session.state().invoices;
        InvoiceId id = t.idOfNumber(number);
        return id == null ? Optional.empty() : t.find(id);
    }

    @Override
    public Optional<Invoice> findByEngagementPeriod(EngagementId engagement, LocalDate periodStart) {
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(periodStart, "periodStart");
        InvoiceTable t = session.state().invoices;
        InvoiceId id = t.idOfPeriod(engagement, periodStart);
        return id == null ? Optional.empty() : t.find(id);
    }

    @Override
    public List<Invoice> list(InvoiceQuery query) {
        Objects.requireNonNull(query, "query");
        List<Invoice> out = session.state().invoices.list(i -> (query.clientId() == null
                || query.clientId().equals(i.clientId()))
                && (query.statuses().isEmpty() || query.statuses().contains(i.status()))
                && (query.type() == null || query.type().selects(i.type())));
        out.sort(ORDER);
        return out;
    }

    @Override
    public List<Invoice> creditNotesOf(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        List<Invoice> out = session.state().invoices.list(i -> invoice.equals(i.creditedInvoiceId()));
        out.sort(ORDER);
        return out;
    }

    @Override
    public Optional<InvoiceId> deductingInvoice(InvoiceId prepayment) {
        Objects.requireNonNull(prepayment, "prepayment");
        return Optional.ofNullable(session.state().invoices.idOfPrepayment(prepayment));
    }

    /**
     * Like the JDBC store's deduction claims: each prepayment invoice {@code invoice} deducts must
     * not be deducted by another stored issued invoice, nor by an earlier invoice of the same
     * {@link #insertAll} call ({@code earlier}). Returns the prepayment invoices it deducts.
     */
    private static Set<InvoiceId> requirePrepaymentsFree(InvoiceTable t, Invoice invoice, Set<InvoiceId> earlier) {
        Set<InvoiceId> mine = InvoiceTable.deductedPrepayments(invoice);
        for (InvoiceId prepayment : mine) {
            InvoiceId holder = t.idOfPrepayment(prepayment);
            if (earlier.contains(prepayment) || holder != null && !holder.equals(invoice.id())) {
                throw new DuplicateKeyException(DEDUCTION_KIND, prepayment.value());
            }
        }
        return mine;
    }

    /**
     * Like the JDBC store's billed-entry claims: each stored time entry {@code invoice} bills must
     * not be billed by another stored issued invoice, nor by an earlier invoice of the same
     * {@link #insertAll} call ({@code earlier}); the smallest such entry id is named. Returns the
     * stored entries the invoice bills.
     */
    private Set<TimeEntryId> requireEntriesFree(InvoiceTable t, Invoice invoice, Set<TimeEntryId> earlier) {
        Set<TimeEntryId> mine = new HashSet<>();
        for (TimeEntryId entry : InvoiceTable.billedEntries(invoice)) {
            if (session.state().timeEntries.find(entry).isPresent()) {
                mine.add(entry);
            }
        }
        Optional<String> inList = mine.stream().filter(earlier::contains).map(TimeEntryId::value)
                .min(Comparator.naturalOrder());
        if (inList.isPresent()) {
            throw new DuplicateKeyException("billed time entry", inList.get());
        }
        Optional<String> taken = mine.stream().filter(e -> {
            InvoiceId holder = t.idOfEntry(e);
            return holder != null && !holder.equals(invoice.id());
        }).map(TimeEntryId::value).min(Comparator.naturalOrder());
        if (taken.isPresent()) {
            throw new DuplicateKeyException("billed time entry", taken.get());
        }
        return mine;
    }

    private static void requireUniqueKeys(InvoiceTable t, Invoice invoice) {
        String number = invoice.number();
        if (number != null) {
            InvoiceId holder = t.idOfNumber(invoice.series(), number);
            if (holder != null && !holder.equals(invoice.id())) {
                throw new DuplicateKeyException("invoice number", invoice.series() + " " + number);
            }
        }
        InvoiceTable.PeriodKey period = InvoiceTable.periodKey(invoice);
        if (period != null) {
            InvoiceId holder = t.idOfPeriod(period.engagement(), period.periodStart());
            if (holder != null && !holder.equals(invoice.id())) {
                throw new DuplicateKeyException("package invoice of engagement period",
                        period.engagement() + " " + period.periodStart());
            }
        }
    }
}
