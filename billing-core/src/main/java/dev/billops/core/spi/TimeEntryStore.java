package dev.billops.core.spi;

import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: time entries of the session tenant.
 *
 * <p>Contract (checked by the testkit's store contract tests):
 * <ul>
 *   <li>{@link #insert}/{@link #insertAll} reject a known id or a known non-null
 *       {@code externalUid} with {@code DuplicateKeyException};</li>
 *   <li>{@link #update} and {@link #delete} only touch OPEN entries (else
 *       {@link TimeEntryAlreadyBilledException}); update is optimistic on the version;</li>
 *   <li>{@link #markBilled} bills every listed entry on the invoice or none: if any is not OPEN
 *       it throws {@link TimeEntryAlreadyBilledException} — an entry is billed at most once,
 *       also under concurrency;</li>
 *   <li>{@link #reopenBilledBy} makes the entries BILLED on an invoice OPEN again (when that
 *       invoice is voided), so they can be billed once more;</li>
 *   <li>{@link #forEach} streams in (start instant, id) order without loading everything;</li>
 *   <li>{@link #draftListing} finds the DRAFT invoice whose lines list an entry;</li>
 *   <li>storing a DRAFT invoice remembers the versions of the entries it lists
 *       ({@link #draftedVersions});</li>
 *   <li>{@link #lock} holds the listed entries' rows until the transaction ends (issuing reads
 *       the entries it bills through it).</li>
 * </ul>
 */
public interface TimeEntryStore {

    void insert(TimeEntry entry);

    /** Inserts many entries in one batch; all or nothing. */
    void insertAll(Collection<TimeEntry> entries);

    /** Replaces an OPEN entry; returns it with its new version. */
    TimeEntry update(TimeEntry entry);

    /** Deletes an OPEN entry. */
    void delete(TimeEntryId id);

    Optional<TimeEntry> find(TimeEntryId id);

    Optional<TimeEntry> findByExternalUid(String externalUid);

    /** Marks every listed entry BILLED on {@code invoice}; all or nothing. */
    void markBilled(Collection<TimeEntryId> ids, InvoiceId invoice);

    /**
     * Makes every entry BILLED on {@code invoice} OPEN again, on no invoice, with a new version.
     *
     * @return the reopened entries' ids in id order (empty if none was billed on it)
     */
    List<TimeEntryId> reopenBilledBy(InvoiceId invoice);

    /**
     * The DRAFT invoice (not an issued or void one) one of whose lines lists {@code id}; the
     * smallest invoice id if several do.
     */
    Optional<InvoiceId> draftListing(TimeEntryId id);

    /**
     * The version each entry {@code draft} lists had when the draft was stored (or last updated);
     * entries that did not exist then are left out, and an invoice never stored as a draft has
     * none. Issuing a draft compares them with the entries as they are.
     */
    Map<TimeEntryId, Long> draftedVersions(InvoiceId draft);

    /**
     * Locks the rows of the listed entries until the transaction ends, in id order (so two
     * callers cannot deadlock), and returns them as stored now, in id order; unknown ids are left
     * out. Issuing reads the entries it bills through it, so that they cannot change before they
     * are marked billed. This default reads the entries without
     * locking, which is right only for a store that runs one transaction at a time; stores with
     * concurrent transactions override it.
     */
    default List<TimeEntry> lock(Collection<TimeEntryId> ids) {
        java.util.TreeSet<TimeEntryId> sorted = new java.util.TreeSet<>(ids);
        List<TimeEntry> out = new java.util.ArrayList<>(sorted.size());
        for (TimeEntryId id : sorted) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** Streams matching entries ordered by start instant, then id. */
    void forEach(TimeEntryQuery query, Consumer<TimeEntry> sink);

    /** Matching entries as a list, ordered like {@link #forEach}. */
    default List<TimeEntry> list(TimeEntryQuery query) {
        List<TimeEntry> out = new java.util.ArrayList<>();
        forEach(query, out::add);
        return out;
    }
}
