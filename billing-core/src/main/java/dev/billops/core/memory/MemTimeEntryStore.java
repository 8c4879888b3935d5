package dev.billops.core.memory;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.spi.TimeEntryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

final class MemTimeEntryStore implements TimeEntryStore {

    private static final String KIND = "time entry";
    private static final String UID_KIND = "time entry external uid";
    /** Largest UTC offset of any zone: a local date starts at most this far before or after UTC midnight. */
    private static final Duration MAX_OFFSET = Duration.ofHours(18);

    private final Session session;

    MemTimeEntryStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(TimeEntry entry) {
        insertAll(List.of(Objects.requireNonNull(entry, "entry")));
    }

    @Override
    public void insertAll(Collection<TimeEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        TimeEntryTable t = session.state().timeEntries;
        Set<TimeEntryId> ids = new HashSet<>();
        Set<String> uids = new HashSet<>();
        for (TimeEntry e : entries) {
            Objects.requireNonNull(e, "entry");
            if (!ids.add(e.id())) {
                throw new DuplicateKeyException(KIND, e.id().value());
            }
            t.requireAbsent(e.id(), KIND);
            String uid = e.externalUid();
            if (uid != null && (!uids.add(uid) || t.idOfUid(uid) != null)) {
                throw new DuplicateKeyException(UID_KIND, uid);
            }
        }
        for (TimeEntry e : entries) {
            t.put(e);
        }
    }

    @Override
    public TimeEntry update(TimeEntry entry) {
        Objects.requireNonNull(entry, "entry");
        TimeEntryTable t = session.state().timeEntries;
        TimeEntry stored = requireOpen(t, entry.id());
        Table.requireVersion(KIND, entry.id(), stored.version(), entry.version());
        String uid = entry.externalUid();
        if (uid != null) {
            TimeEntryId holder = t.idOfUid(uid);
            if (holder != null && !holder.equals(entry.id())) {
                throw new DuplicateKeyException(UID_KIND, uid);
            }
        }
        TimeEntry next = entry.withVersion(stored.version() + 1);
        t.put(next);
        return next;
    }

    @Override
    public void delete(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        TimeEntryTable t = session.state().timeEntries;
        requireOpen(t, id);
        t.remove(id);
    }

    @Override
    public Optional<TimeEntry> find(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        return session.state().timeEntries.find(id);
    }

    @Override
    public Optional<TimeEntry> findByExternalUid(String externalUid) {
        Objects.requireNonNull(externalUid, "externalUid");
        TimeEntryTable t = session.state().timeEntries;
        TimeEntryId id = t.idOfUid(externalUid);
        return id == null ? Optional.empty() : t.find(id);
    }

    @Override
    public Optional<InvoiceId> draftListing(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        InvoiceId first = null;
        for (Invoice inv : session.state().invoices.list(i -> i.status() == InvoiceStatus.DRAFT)) {
            if ((first == null || inv.id().compareTo(first) < 0) && lists(inv, id)) {
                first = inv.id();
            }
        }
        return Optional.ofNullable(first);
    }

    @Override
    public Map<TimeEntryId, Long> draftedVersions(InvoiceId draft) {
        Objects.requireNonNull(draft, "draft");
        return session.state().draftedVersions.find(draft).map(TenantState.DraftedVersions::versions)
                .orElse(Map.of());
    }

    private static boolean lists(Invoice invoice, TimeEntryId id) {
        for (InvoiceLine line : invoice.lines()) {
            if (line.entryIds().contains(id)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void markBilled(Collection<TimeEntryId> ids, InvoiceId invoice) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(invoice, "invoice");
        TimeEntryTable t = session.state().timeEntries;
        List<TimeEntry> billed = new ArrayList<>(ids.size());
        for (TimeEntryId id : new LinkedHashSet<>(ids)) {
            TimeEntry stored = requireOpen(t, Objects.requireNonNull(id, "id"));
            billed.add(stored.billedOn(invoice).withVersion(stored.version() + 1));
        }
        for (TimeEntry e : billed) {
            t.put(e);
        }
    }

    @Override
    public List<TimeEntryId> reopenBilledBy(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        TimeEntryTable t = session.state().timeEntries;
        List<TimeEntry> billed = t.list(e -> invoice.equals(e.invoiceId()));
        List<TimeEntryId> ids = new ArrayList<>(billed.size());
        for (TimeEntry e : billed) {
            t.put(e.reopened().withVersion(e.version() + 1));
            ids.add(e.id());
        }
        ids.sort(null);
        return ids;
    }

    @Override
    public void forEach(TimeEntryQuery query, Consumer<TimeEntry> sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        TimeEntryTable t = session.state().timeEntries;
        Instant from = query.dates().startInclusive().atStartOfDay(ZoneOffset.UTC).toInstant().minus(MAX_OFFSET);
        Instant to = query.dates().endExclusive().atStartOfDay(ZoneOffset.UTC).toInstant().plus(MAX_OFFSET);
        // starts in [surelyFrom, surelyTo) are within the dates in every zone: no zone arithmetic needed
        Instant surelyFrom = from.plus(MAX_OFFSET).plus(MAX_OFFSET);
        Instant surelyTo = to.minus(MAX_OFFSET).minus(MAX_OFFSET);
        // collected first so that the sink may write to the store (e.g. bill what it reads)
        List<TimeEntry> matches = new ArrayList<>();
        for (TimeEntry e : t.startingBetween(from, to).values()) {
            if (matches(query, e, surelyFrom, surelyTo)) {
                matches.add(e);
            }
        }
        matches.forEach(sink);
    }

    private static boolean matches(TimeEntryQuery q, TimeEntry e, Instant surelyFrom, Instant surelyTo) {
        if (!q.projectIds().isEmpty() && !q.projectIds().contains(e.projectId())) {
            return false;
        }
        if (q.timekeeperId() != null && !q.timekeeperId().equals(e.timekeeperId())) {
            return false;
        }
        if (q.unbilledOnly() && (e.state() != EntryState.OPEN || !e.billable())) {
            return false;
        }
        Instant start = e.span().start();
        return (!start.isBefore(surelyFrom) && start.isBefore(surelyTo)) || q.dates().contains(e.span().localDate());
    }

    private static TimeEntry requireOpen(TimeEntryTable t, TimeEntryId id) {
        TimeEntry stored = t.require(id, KIND);
        if (!stored.isOpen()) {
            throw new TimeEntryAlreadyBilledException(id, stored.invoiceId());
        }
        return stored;
    }
}
